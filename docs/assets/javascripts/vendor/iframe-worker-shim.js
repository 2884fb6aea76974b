/*! Adapted from the shim of iframe-worker 1.0.4 (npm: iframe-worker@1.0.4, file shim/index.js).
 * Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>. MIT licence: see README.txt here.
 * Changed: the iframe's set-up script is a file (iframe-worker-bootstrap.js beside this one), not inline, so
 * that pages can forbid inline scripts (Content-Security-Policy); the code is written out, not minified.
 */
"use strict";
(function () {
  var here = document.currentScript && document.currentScript.src;
  var bootstrap = new URL("iframe-worker-bootstrap.js", here || location.href).href;

  // A Worker that runs its script in a hidden iframe: browsers start no web worker from file://.
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild((this.iframe = iframe));
      const doc = this.w.document;
      doc.open();
      doc.write("<!doctype html><html><body></body></html>");
      doc.close();
      onmessage = this.m;
      onerror = this.e;
      // Messages wait until the worker's script has run and listens (as the original waited for the iframe's load).
      this.r = new Promise((resolve, reject) => {
        const setup = doc.createElement("script");
        setup.src = bootstrap;
        setup.dataset.worker = `${url}`;
        setup.onerror = reject;
        setup.onload = () => {
          const script = doc.createElement("script");
          script.src = `${url}?${Date.now()}`;
          script.onload = resolve;
          script.onerror = reject;
          doc.body.appendChild(script);
        };
        doc.body.appendChild(setup);
      });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch(() => {}).then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
