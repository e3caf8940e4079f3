// The language links keep the paragraph the reader is at: #op3 is operative 3 in every language. Without
// JavaScript the links still switch language (at the top of the page).
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.keep-anchor") : null;
  if (link && window.location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + window.location.hash;
  }
});
