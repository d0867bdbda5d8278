// The live-reload client and its injection into HTML responses.
//
// `jekyll serve --livereload` injects a <script> that loads livereload.js from a second port and
// talks WebSocket (Jekyll 4.3.1 lib/jekyll/commands/serve/servlet.rb, BodyProcessor). We keep the
// idea — the script is added to the *response*, never to the file in _site — but use Server-Sent
// Events on the same port, so there is no second server and no WebSocket dependency.
//
// Events the server sends (see server.ts):
//   hello        {"id": "<server instance>"}        — sent on every (re)connect; a different id means
//                                                   the server restarted, so the page reloads
//   reload       {"kind": "page"|"css", "paths": ["/base/assets/main.css", …]}
//   build-error  {"message", "file"?, "line"?, "column"?, "excerpt"?: [{"number", "text"}, …]}
//   clear        {}
// ("error" is not used as an event name: EventSource fires its own `error` on connection loss.)

/** Path of the event stream. Outside any baseurl, so one path works for every page. */
export const EVENTS_PATH = "/__build-site/events";

/** Query parameter added to stylesheet URLs when they are swapped in place. */
export const CSS_BUST_PARAM = "__build_site";

/** id of the overlay element, so tests and users can find it. */
export const OVERLAY_ID = "__build-site-error";

// Written as plain ES2017 in a string: it runs in the browser, not in Node, and must not contain
// "</script" or "<!--" (it is inlined in HTML).
const CLIENT = `(function () {
  "use strict";
  if (window.__buildSiteLiveReload) return;
  /* Visible state, for debugging and for the browser tests: connected turns true on "hello". */
  var state = window.__buildSiteLiveReload = { connected: false };
  var OVERLAY_ID = ${JSON.stringify(OVERLAY_ID)};
  var BUST = ${JSON.stringify(CSS_BUST_PARAM)};
  var serverId = null;

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function el(tag, css, text) {
    var node = document.createElement(tag);
    if (css) node.style.cssText = css;
    if (text != null) node.textContent = text; /* textContent: the message is never parsed as HTML */
    return node;
  }

  /* The source lines around the error, numbered, the error's line marked (and its column, with a caret). */
  function codeFrame(err) {
    var frame = el("pre", "margin:0 0 12px;padding:10px 0;background:#14161a;border-radius:4px;overflow-x:auto;font:inherit");
    frame.setAttribute("data-build-site-excerpt", "");
    var width = String(err.excerpt[err.excerpt.length - 1].number).length;
    err.excerpt.forEach(function (row) {
      var marked = row.number === err.line;
      var gutter = (marked ? "> " : "  ") + String(row.number).padStart(width) + " | ";
      var line = el("div", "padding:0 12px;white-space:pre" + (marked ? ";background:rgba(229,72,77,.18);color:#fff" : ";color:#a0a7b4"),
        gutter + row.text);
      if (marked) line.setAttribute("data-error-line", "");
      frame.appendChild(line);
      if (marked && err.column != null && err.column >= 1) {
        var lead = row.text.slice(0, err.column - 1).replace(/[^\t]/g, " ");
        frame.appendChild(el("div", "padding:0 12px;white-space:pre;color:#ff8589",
          "  " + " ".repeat(width) + " | " + lead + "^"));
      }
    });
    return frame;
  }

  function showOverlay(err) {
    removeOverlay();
    var where = "";
    if (err.file) {
      where = err.file;
      if (err.line != null) where += ":" + err.line + (err.column != null ? ":" + err.column : "");
    }
    var overlay = el("div", "position:fixed;inset:0;z-index:2147483647;background:rgba(15,15,20,.82);" +
      "overflow:auto;padding:5vh 16px;box-sizing:border-box;text-align:left");
    overlay.id = OVERLAY_ID;
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Build error");
    var panel = el("div", "max-width:960px;margin:0 auto;background:#1d1f23;color:#eceff4;border-top:4px solid #e5484d;" +
      "border-radius:6px;padding:20px 24px;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "box-shadow:0 10px 40px rgba(0,0,0,.5);position:relative");
    var close = el("button", "position:absolute;top:8px;right:10px;background:none;border:0;color:#eceff4;" +
      "font:24px/1 sans-serif;cursor:pointer;padding:4px 8px", "\\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.setAttribute("data-build-site-dismiss", "");
    close.onclick = removeOverlay;
    panel.appendChild(close);
    panel.appendChild(el("div", "font-weight:bold;color:#ff8589;font-size:16px;margin-bottom:8px", "Build failed"));
    if (where) panel.appendChild(el("div", "color:#8fbcbb;margin-bottom:8px;word-break:break-all", where));
    panel.appendChild(el("pre", "white-space:pre-wrap;word-break:break-word;margin:0 0 12px;font:inherit", err.message));
    if (err.excerpt && err.excerpt.length) panel.appendChild(codeFrame(err));
    panel.appendChild(el("div", "color:#a0a7b4;font-size:12px",
      "The page shows the last successful build. Save a fix and this closes by itself (Esc dismisses it)."));
    overlay.appendChild(panel);
    overlay.addEventListener("click", function (e) { if (e.target === overlay) removeOverlay(); });
    (document.body || document.documentElement).appendChild(overlay);
  }

  document.addEventListener("keydown", function (e) { if (e.key === "Escape") removeOverlay(); });

  function samePath(url, paths) {
    var p;
    try { p = decodeURIComponent(url.pathname); } catch (e) { p = url.pathname; }
    return paths.indexOf(p) >= 0;
  }

  function reloadCss(paths) {
    var links = Array.prototype.filter.call(document.getElementsByTagName("link"), function (link) {
      return link.relList && link.relList.contains("stylesheet") && link.href &&
        new URL(link.href, location.href).origin === location.origin;
    });
    var chosen = links.filter(function (link) { return samePath(new URL(link.href, location.href), paths); });
    /* No changed path matches a <link> (e.g. the file is @import-ed): refresh them all. */
    if (chosen.length === 0) chosen = links;
    chosen.forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.searchParams.set(BUST, String(Date.now()));
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      /* Keep the old sheet until the new one has loaded, so the page never flashes unstyled. */
      var done = function () { if (link.parentNode) link.parentNode.removeChild(link); };
      fresh.addEventListener("load", done);
      fresh.addEventListener("error", done);
      link.parentNode.insertBefore(fresh, link.nextSibling);
    });
  }

  function data(e) { try { return JSON.parse(e.data); } catch (x) { return {}; } }

  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("hello", function (e) {
    var id = data(e).id;
    if (serverId !== null && id !== serverId) { location.reload(); return; }
    serverId = id;
    state.connected = true;
  });
  source.addEventListener("reload", function (e) {
    var d = data(e);
    if (d.kind === "css") reloadCss(d.paths || []);
    else location.reload();
  });
  source.addEventListener("build-error", function (e) { showOverlay(data(e)); });
  source.addEventListener("clear", removeOverlay);
  source.addEventListener("error", function () { state.connected = false; });
})();`;

/** The <script> element that is injected. */
export const LIVERELOAD_SNIPPET = `<script data-build-site-livereload>\n${CLIENT}\n</script>\n`;

/**
 * Returns the page with the live-reload script inserted before the last `</body>` (any case), or
 * appended when the page has no `</body>` (fragments, hand-written pages). Works on bytes, so pages
 * in any ASCII-compatible encoding pass through unchanged apart from the insertion.
 */
export function injectLiveReload(html: Buffer): Buffer {
  const snippet = Buffer.from(LIVERELOAD_SNIPPET, "utf8");
  // latin1 maps bytes 1:1 to UTF-16 code units, so string indices are byte offsets.
  const text = html.toString("latin1");
  const at = text.toLowerCase().lastIndexOf("</body");
  if (at < 0) return Buffer.concat([html, snippet]);
  return Buffer.concat([html.subarray(0, at), snippet, html.subarray(at)]);
}
