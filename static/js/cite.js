// The "Cite" line: the document's citation, as the UN cites ("A/RES/80/39, para. 12") when the address names a
// paragraph (#op12), and a copy button. Without JavaScript the line is plain, selectable text.
(function () {
  var line = document.getElementById("cite-text");
  var button = document.getElementById("cite-copy");
  if (!line || !button) { return; }
  var whole = line.textContent;
  function follow() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var cite = target ? target.getAttribute("data-cite") : null;
    line.textContent = cite || whole;
  }
  window.addEventListener("hashchange", follow);
  follow();
  if (!navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(line.textContent).then(function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    });
  });
})();
