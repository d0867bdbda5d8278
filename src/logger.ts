// How build-site reports as it builds: the Logger every stage is handed, and the console one with
// Jekyll's Stevenson look (a right-aligned topic column, then the message), which the CLI and
// serve's build thread print through.

export interface Logger {
  info(topic: string, message?: string): void;
  warn(topic: string, message?: string): void;
  debug(topic: string, message?: string): void;
}

export type Level = "quiet" | "normal" | "verbose";

export class ConsoleLogger implements Logger {
  warnings = 0;
  constructor(
    public level: Level = "normal",
    private readonly out: (s: string) => void = (s) => process.stdout.write(s),
    private readonly err: (s: string) => void = (s) => process.stderr.write(s),
  ) {}

  /** Jekyll's Stevenson#formatted_topic: the topic and one space, right-aligned in 20 columns. */
  static format(topic: string, message = ""): string {
    return `${`${topic} `.padStart(20)}${message}`.replace(/\s+$/, "") + "\n";
  }

  info(topic: string, message?: string): void {
    if (this.level !== "quiet") this.out(ConsoleLogger.format(topic, message));
  }

  warn(topic: string, message?: string): void {
    this.warnings++;
    this.err(ConsoleLogger.format(topic, message));
  }

  debug(topic: string, message?: string): void {
    if (this.level === "verbose") this.out(ConsoleLogger.format(topic, message));
  }

  error(topic: string, message?: string): void {
    this.err(ConsoleLogger.format(topic, message));
  }
}
