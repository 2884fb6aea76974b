// mkdocs-material's script after the content (partials/javascripts/content.html of 9.8), as a file instead
// of inline (Content-Security-Policy): a link to a tab's anchor opens that tab; with content.tabs.link the
// tabs chosen before are chosen again.
(function () {
  var linked = document.currentScript && document.currentScript.dataset.tabsLink === "true";
  var tabs = linked ? __md_get("__tabs") : null;
  if (Array.isArray(tabs)) {
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = set.querySelector(".tabbed-labels");
      tabs.some(function (tab) {
        return Array.from(labels.getElementsByTagName("label")).some(function (label) {
          if (label.innerText.trim() !== tab) return false;
          document.getElementById(label.htmlFor).checked = true;
          return true;
        });
      });
    });
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
