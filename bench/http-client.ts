import http from 'node:http';

export interface Reply { status: number; body: string; /** The cookies the answer sets, `name=value` each. */ cookies: string[] }

// Keep-alive connections, reused as a browser or an API client would. Node's http client costs the
// load generator a fraction of what fetch() does, leaving the shared cores to the server and PostgreSQL.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request over a kept-alive connection; the whole body is read. */
export function send(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, cookies: (response.headers['set-cookie'] ?? []).map((entry) => entry.split(';')[0]) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}
