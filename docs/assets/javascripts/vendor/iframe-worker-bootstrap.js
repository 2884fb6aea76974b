/*! Part of the adapted iframe-worker shim (see iframe-worker-shim.js and README.txt here; MIT licence).
 * Runs inside the hidden iframe, before the worker's own script: gives it a worker's globals. */
"use strict";
(function () {
  var worker = document.currentScript.dataset.worker;
  window.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
