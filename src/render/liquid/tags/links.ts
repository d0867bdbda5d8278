// Jekyll's `{% link path %}` and `{% post_url name %}` (lib/jekyll/tags/link.rb, post_url.rb).
// The host knows the site's files; these tags apply `relative_url` (Jekyll 4 prepends baseurl)
// and raise Jekyll's messages when nothing matches.
import { Tag } from "liquidjs";
import type { Context, Emitter, Liquid, TagToken, Template, TopLevelToken } from "liquidjs";
import type { LiquidHost } from "../host.js";
import { relativeUrl } from "../filters/url.js";

export function linkTag(host: LiquidHost) {
  return class LinkTag extends Tag {
    private readonly templates: Template[];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.templates = liquid.parse(token.args.trim());
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const relative = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
      const url = host.linkUrl(relative);
      if (url === undefined) {
        throw new Error(`Could not find document '${relative}' in tag 'link'.\n\nMake sure the document exists and the path is correct.\n`);
      }
      emitter.write(relativeUrl(url, host.config) ?? "");
    }
  };
}

const MATCHER = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;

export function postUrlTag(host: LiquidHost) {
  return class PostUrlTag extends Tag {
    private readonly post: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.post = token.args.trim();
      if (!MATCHER.test(this.post.replace(/^\//, ""))) {
        throw new Error(`Could not parse name of post "${this.post}" in tag 'post_url'.\n Make sure the post exists and the name is correct.\n Jekyll::Errors::InvalidPostNameError: '${this.post}' does not contain valid date and/or title.\n`);
      }
    }
    render(_ctx: Context, emitter: Emitter): void {
      const url = host.postUrl(this.post);
      if (url === undefined) {
        throw new Error(`Could not find post "${this.post}" in tag 'post_url'.\nMake sure the post exists and the name is correct.\n`);
      }
      emitter.write(relativeUrl(url, host.config) ?? "");
    }
  };
}
