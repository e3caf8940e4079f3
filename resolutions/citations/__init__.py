"""Find citations in UN resolution text: resolutions, decisions, documents, treaties.

A library apart from the web app (no Django import), in the spirit of Free Law
Project's eyecite: text in, citation objects out.
"""
