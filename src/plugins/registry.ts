// The registry of built-in Jekyll plugins, by gem name. It lives apart from index.ts so that the
// plugin modules index.ts imports can register themselves while index.ts is still being loaded
// (an ES module cycle would otherwise meet PLUGINS before it is initialised).
import type { Plugin } from "./api.js";

export const PLUGINS = new Map<string, Plugin>();

export function registerPlugin(plugin: Plugin): void {
  PLUGINS.set(plugin.name, plugin);
}

/**
 * Jekyll's generator priorities (Jekyll::Plugin::PRIORITIES). Here rather than in
 * index.ts, which loads the plugins: a plugin module cannot read a value from a
 * module that is still loading it.
 */
export const PRIORITY = { highest: 100, high: 10, normal: 0, low: -10, lowest: -100 } as const;
