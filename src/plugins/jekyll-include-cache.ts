// jekyll-include-cache 0.2.1: `{% include_cached %}`. Spec: test/conformance/PLUGINS.md §6.
//
// The tag itself is part of the Liquid engine (src/render/liquid/tags/include.ts: the include
// lookup and the build-wide cache keyed by path and parameters live there, next to `include`).
// The plugin is registered so that a site listing it in `plugins:` builds without a warning.
import { registerPlugin } from "./registry.js";

registerPlugin({ name: "jekyll-include-cache" });
