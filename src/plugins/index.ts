// The registry of built-in Jekyll plugins, by gem name.
import type { Plugin } from "../generate/index.js";

export const PLUGINS = new Map<string, Plugin>();

export function registerPlugin(plugin: Plugin): void {
  PLUGINS.set(plugin.name, plugin);
}
