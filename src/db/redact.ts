/**
 * Passwords never leave the process: every URL or error text shown to a person, a log or an MCP client
 * passes through `redact`.
 */
// "user:secret@" wherever it appears, with or without a well-formed scheme in front.
const URL_PASSWORD = /([^\s:/@"']+:)([^@\s"'/]+)(@)/g;
const KEYWORD_PASSWORD = /(\bpassword\s*=\s*)('(?:[^']|'')*'|\S+)/gi;

export function redact(text: string): string {
  return text.replace(URL_PASSWORD, "$1***$3").replace(KEYWORD_PASSWORD, "$1***");
}

/** A URL safe to print: the password replaced, everything else kept. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return redact(url);
  }
}
