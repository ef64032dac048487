import type { WireCallById, WireCallIds, WireCallInfo, WireEnvelope, WireStyle } from './wire';

/** The Content-Type the gateway answers with. */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** The gateway's messages for the retcodes it documents (never carrying the Guid). */
export const RETCODE_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  '000-001': 'The method for obtaining agent events is wrong.',
  '000-002': 'The URL parameter or address is incorrect, or the parameter is invalid.',
  '000-003': 'No permission to call the interface.',
  '000-004': 'The agent is being switched over.',
  '000-006': 'Message parameter error.',
  '000-007': 'The interface is invoked repeatedly.',
  '100-006': 'The agent has not signed in.',
  '100-007': 'An exception occurred during the agent operation.',
  '100-008': 'The agent has signed out.',
});

const STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The envelope's JSON text: success (`retcode` `"0"`, or `0` in the number style) with the call or "no call" as the style says. */
export function successBody(result: WireCallInfo | null, style: WireStyle): string {
  const retcode = style.retcode === 'number' ? 0 : '0';
  if (result !== null) return JSON.stringify({ message: '', retcode, result } satisfies WireEnvelope);
  if (style.noCall === 'absent') return JSON.stringify({ message: '', retcode } satisfies WireEnvelope);
  return JSON.stringify({ message: '', retcode, result: style.noCall === 'empty-object' ? {} : null } satisfies WireEnvelope);
}

/** A sibling interface's success envelope (`allcallid`, `callinfobycallid`): `result` as given, `null` included. */
export function siblingBody(result: WireCallIds | WireCallById, style: WireStyle): string {
  return JSON.stringify({ message: '', retcode: style.retcode === 'number' ? 0 : '0', result });
}

/** A failure envelope's JSON text: `{"message":…,"retcode":…,"result":null}`. */
export function failureBody(retcode: string, message?: string): string {
  return JSON.stringify({ message: message ?? RETCODE_MESSAGES[retcode] ?? '', retcode, result: null } satisfies WireEnvelope);
}

/** A JSON answer (the gateway sends failure envelopes with HTTP 200 too). */
export function jsonResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': JSON_CONTENT_TYPE } });
}

/**
 * An HTML page as servers in front of the gateway send them: a web container's error page for
 * 4xx, a reverse proxy's for 5xx, a portal's login page for 200.
 */
export function htmlResponse(status: number, extraHeaders: Record<string, string> = {}): Response {
  const text = `${status} ${STATUS_TEXTS[status] ?? 'Error'}`;
  let body: string;
  if (status === 200) {
    body = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in</title></head>'
      + '<body><form method="post" action="/login"><p>Your session has ended. Please sign in again.</p></form></body></html>';
  } else if (status >= 500) {
    body = `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  } else {
    body = `<!doctype html><html lang="en"><head><title>HTTP Status ${status} – ${STATUS_TEXTS[status] ?? 'Error'}</title></head>`
      + `<body><h1>HTTP Status ${status} – ${STATUS_TEXTS[status] ?? 'Error'}</h1><hr class="line" /><h3>Apache Tomcat</h3></body></html>`;
  }
  return new Response(body, { status, headers: { 'Content-Type': 'text/html;charset=utf-8', ...extraHeaders } });
}

/** An answer with no body. */
export function emptyResponse(status = 200): Response {
  return new Response(status === 204 || status === 304 ? null : '', { status, headers: { 'Content-Type': JSON_CONTENT_TYPE } });
}
