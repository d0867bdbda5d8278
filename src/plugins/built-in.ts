// Gems a site may list under `plugins:` whose work build-site always does itself: listing them
// changes nothing, as in Jekyll 4 (which loads both on its own), so they are known and silent.
//  - jekyll-sass-converter: Sass/SCSS pages are compiled by the renderer (src/render/sass.ts);
//  - jekyll-watch: `build-site serve` watches the source itself (src/serve/).
import { registerPlugin } from "./registry.js";

registerPlugin({ name: "jekyll-sass-converter" });
registerPlugin({ name: "jekyll-watch" });
