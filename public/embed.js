/*! gongshi embed helper — optional. Resizes gongshi iframes to their content.
 *
 * Usage on the host page (after the iframe):
 *   <iframe src="https://example.org/gongshi/?page=donations&embed=chart&chart=don-monthly"
 *           width="100%" height="480" style="border:0" data-gongshi></iframe>
 *   <script src="https://example.org/gongshi/embed.js" defer></script>
 *
 * A plain iframe with a fixed height works without this script. With it, each iframe marked
 * `data-gongshi` grows or shrinks to its content. Messages are accepted only when they come from
 * that iframe's own window AND from the origin of its src; heights are clamped to 120–6000 px.
 */
(function () {
  'use strict';
  var MIN = 120, MAX = 6000;
  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe[data-gongshi]')); }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'gongshi:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    frames().forEach(function (frame) {
      if (event.source !== frame.contentWindow) return;
      var origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (e) { return; }
      if (event.origin !== origin) return;
      var h = Math.max(MIN, Math.min(MAX, Math.round(data.height)));
      frame.style.height = h + 'px';
      frame.setAttribute('height', String(h));
    });
  });
})();
