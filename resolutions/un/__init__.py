"""What the archive knows about the United Nations, written once (no Django, no I/O beyond its data file).

- ``bodies``: the organs (their names as printed), their symbol series, which organ a subsidiary one
  belongs to, the General Assembly's Main Committees, and the organs' Akoma Ntoso names.
- ``symbols``: document symbols: the pattern of a symbol, normalisation, the symbol of a resolution and
  the organ a symbol belongs to.
- ``member_states``: member states, observers and former states with the names documents use for them
  (``data/member_states.json``), and the lookup of a printed name.
- ``anchors``: the permalink anchor of each paragraph (``pp3``, ``op4``, ``op4-a``, ``s2-op1``,
  ``annex-1-p3``).
- ``adoption``: what makes a document an adopted resolution rather than a draft.

The parser, the citation finder and the Django app import these modules; these modules import nothing of
the project's outside this package.  The package imports none of its modules itself, so that reading one
fact costs no more than that module.
"""
