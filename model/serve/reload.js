// The development server's reload: waits for the site to change, then reloads the page shown.
// Only `make serve` adds this script; the published site never has it.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = Number(script && script.dataset.generation);
  function wait() {
    fetch("/__dev__/state?since=" + generation, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.generation !== generation) window.location.reload();
        else wait();
      })
      .catch(function () { setTimeout(wait, 1000); }); // the server restarts: try again
  }
  wait();
})();
