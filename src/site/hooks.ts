// Jekyll::Hooks for build-site's plugins: a plugin lists `hooks: [{ owner, event, run }]`, and the
// build triggers them where Jekyll 4.3 does:
//
//   site       after_init (the Site is made, nothing read), after_reset, post_read (after
//              reading), pre_render (after generators, before the first document renders;
//              run(site, payload)), post_render (everything rendered), post_write (written)
//   pages, posts, documents, or a collection's label
//              pre_render (run(item, payload), before Liquid), post_convert (item.content is the
//              converted body, before layouts), post_render (item.output is final), post_write
//
// A document triggers its collection's label ("posts" for posts) and then "documents", as
// Document#trigger_hooks does. Hooks run by priority (high 30, normal 20, low 10, or a number;
// higher first), then in the order the plugins registered them (Hooks.trigger).
import type { Document } from "./document.js";
import type { Page } from "./page.js";

export type HookEvent = "after_init" | "after_reset" | "post_read" | "pre_render" | "post_convert" | "post_render" | "post_write";

export interface PluginHook {
  /** "site", "pages", "posts", "documents", a collection's label, or several of them. */
  owner: string | string[];
  event: HookEvent;
  /** "high" (30), "normal" (20, the default), "low" (10), or a number. */
  priority?: "high" | "normal" | "low" | number;
  run(...args: any[]): void;
}

const EVENTS = new Set<string>(["after_init", "after_reset", "post_read", "pre_render", "post_convert", "post_render", "post_write"]);
const SITE_EVENTS = new Set<string>(["after_init", "after_reset", "post_read", "pre_render", "post_render", "post_write"]);
const ITEM_EVENTS = new Set<string>(["post_init", "pre_render", "post_convert", "post_render", "post_write"]);
const PRIORITY: Record<string, number> = { high: 30, normal: 20, low: 10 };

/** Hooks.register's checks, so a misspelt owner or event fails when the plugin loads. */
export function validateHook(hook: PluginHook): string | null {
  if (!hook || typeof hook.run !== "function") return "a hook needs a run(...) function";
  if (!EVENTS.has(hook.event)) return `unknown hook event ${JSON.stringify(hook.event)} (one of ${[...EVENTS].join(", ")})`;
  for (const owner of [hook.owner].flat()) {
    if (typeof owner !== "string" || owner === "") return "a hook's owner is \"site\", \"pages\", \"posts\", \"documents\" or a collection's label";
    const events = owner === "site" ? SITE_EVENTS : ITEM_EVENTS;
    if (!events.has(hook.event)) return `${owner} has no ${hook.event} hook (it has ${[...events].join(", ")})`;
  }
  const p = hook.priority;
  if (p !== undefined && typeof p !== "number" && !(p in PRIORITY)) return `unknown hook priority ${JSON.stringify(p)} (high, normal, low or a number)`;
  return null;
}

interface Registered {
  run: (...args: any[]) => void;
  priority: number;
  order: number;
}

export class Hooks {
  private readonly table = new Map<string, Registered[]>();

  constructor(hooks: Iterable<PluginHook>) {
    let order = 0;
    for (const hook of hooks) {
      const priority = typeof hook.priority === "number" ? hook.priority : PRIORITY[hook.priority ?? "normal"]!;
      for (const owner of [hook.owner].flat()) {
        const key = `${owner}:${hook.event}`;
        let list = this.table.get(key);
        if (!list) this.table.set(key, (list = []));
        list.push({ run: hook.run, priority, order: order++ });
      }
    }
    for (const list of this.table.values()) list.sort((a, b) => b.priority - a.priority || a.order - b.order);
  }

  get empty(): boolean {
    return this.table.size === 0;
  }

  has(owner: string, event: HookEvent): boolean {
    return this.table.has(`${owner}:${event}`);
  }

  trigger(owner: string, event: HookEvent, ...args: unknown[]): void {
    const list = this.table.get(`${owner}:${event}`);
    if (list) for (const h of list) h.run(...args);
  }

  /** Page#trigger_hooks / Document#trigger_hooks. */
  triggerItem(item: Page | Document, event: HookEvent, ...args: unknown[]): void {
    if (this.table.size === 0) return;
    if (item.kind === "page") {
      this.trigger("pages", event, item, ...args);
      return;
    }
    this.trigger(item.collection.label, event, item, ...args);
    this.trigger("documents", event, item, ...args);
  }
}

export const NO_HOOKS = new Hooks([]);
