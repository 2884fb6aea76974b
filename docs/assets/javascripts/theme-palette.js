// mkdocs-material's colour palette restore (partials/javascripts/palette.html of 9.8), as a file instead
// of inline (Content-Security-Policy). Used only when mkdocs.yml offers several palettes.
(function () {
  var palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var media = matchMedia("(prefers-color-scheme: light)");
    var input = document.querySelector(media.matches ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  Object.entries(palette.color).forEach(function (pair) { document.body.setAttribute("data-md-color-" + pair[0], pair[1]); });
})();
