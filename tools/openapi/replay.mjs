// Replays every documented example request of the live OpenAPI document against the running
// service and checks each answer: a documented 2xx status, a documented media type and, for JSON,
// a body valid against the response's schema (JSON Schema 2020-12, as OpenAPI 3.1 writes it).
//
// Dredd would do this, but Dredd 14 reads OpenAPI 3.0 only: on this 3.1 document it replays one
// example per operation, ignores type: [T, "null"] and pairs a request with the first media type
// of the response (image/png for a request asking for SVG). See docs/openapi.md.
//
// Usage: node replay.mjs http://127.0.0.1:8080
import Ajv2020 from 'ajv/dist/2020.js';

const base = process.argv[2];
if (!base) {
  console.error('usage: node replay.mjs BASE_URL');
  process.exit(2);
}

const doc = await (await fetch(`${base}/v3/api-docs`)).json();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const validators = new Map();

/** A validator of one response schema; its $refs (#/components/...) resolve against the document. */
function validator(schema) {
  const key = JSON.stringify(schema);
  if (!validators.has(key)) {
    validators.set(key, ajv.compile({ ...schema, $id: `response-${validators.size}`, components: doc.components }));
  }
  return validators.get(key);
}

/** The example value of a parameter: its example, else the first of its examples, else its default. */
function parameterValue(parameter) {
  if (parameter.example !== undefined) return parameter.example;
  if (parameter.examples) return Object.values(parameter.examples)[0].value;
  return parameter.schema?.default;
}

/** Every example request of an operation: one per request body example, or one without a body. */
function exampleRequests(operation) {
  const json = operation.requestBody?.content?.['application/json'];
  if (!json) return [{ name: 'parameters' }];
  if (json.examples) {
    return Object.entries(json.examples).map(([name, example]) => ({ name, body: example.value }));
  }
  if (json.example !== undefined) return [{ name: 'example', body: json.example }];
  return [];
}

let passed = 0;
let failed = 0;
const fail = (what, why) => {
  failed++;
  console.log(`FAIL ${what}: ${why}`);
};

for (const [path, item] of Object.entries(doc.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const operation = item[method];
    if (!operation) continue;
    const parameters = operation.parameters ?? [];
    let url = path;
    const query = new URLSearchParams();
    for (const parameter of parameters) {
      const value = parameterValue(parameter);
      if (value === undefined) continue;
      if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
      if (parameter.in === 'query') query.set(parameter.name, String(value));
    }
    if (query.size > 0) url += `?${query}`;

    const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
    const mediaTypes = success.flatMap(([, response]) => Object.keys(response.content ?? {}));
    const accept = mediaTypes.includes('application/json') ? 'application/json' : mediaTypes.join(', ');
    const requests = exampleRequests(operation);
    if (requests.length === 0) {
      fail(`${method.toUpperCase()} ${path}`, 'it documents a request body but no example of it');
      continue;
    }
    for (const request of requests) {
      const what = `${method.toUpperCase()} ${url} [${request.name}]`;
      const headers = { Accept: accept || '*/*' };
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';
      let answer;
      try {
        answer = await fetch(`${base}${url}`, {
          method: method.toUpperCase(),
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
      } catch (e) {
        fail(what, `no answer (${e.message})`);
        continue;
      }
      const text = await answer.text();
      const documented = success.find(([status]) => status === String(answer.status));
      if (!documented) {
        fail(what, `status ${answer.status}, documented: ${success.map(([s]) => s).join(', ')}: ${text.slice(0, 300)}`);
        continue;
      }
      const contentType = (answer.headers.get('content-type') ?? '').split(';')[0].trim();
      const media = documented[1].content?.[contentType];
      if (!media) {
        fail(what, `Content-Type ${contentType}, documented: ${Object.keys(documented[1].content ?? {}).join(', ')}`);
        continue;
      }
      if (contentType === 'application/json' && media.schema) {
        const validate = validator(media.schema);
        if (!validate(JSON.parse(text))) {
          fail(what, `the answer does not match its schema: ${ajv.errorsText(validate.errors)}`);
          continue;
        }
      }
      passed++;
      console.log(`pass ${what}: ${answer.status} ${contentType}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
