// Drives the running service through the TypeScript (typescript-fetch) client generated from
// docs/openapi.json and compiled to JavaScript by typescript-client.sh: a catalogue, an evaluation,
// a gradient chain whose null thresholds come through as null, a perceptron training whose chosen
// seed JavaScript carries exactly, and an error read as its problem document.
//
// Usage: node typescript-client.cjs BASE_URL (after typescript-client.sh has compiled the client)
const assert = require('node:assert/strict');
const path = require('node:path');
const client = require(path.join(__dirname, '..', '..', 'target', 'typescript-client-js', 'index.js'));

const base = process.argv[2];
const config = new client.Configuration({ basePath: base });
const activations = new client.ActivationsApi(config);
const results = [];

async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`pass ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}: ${e.stack}`);
  }
}

(async () => {
  await check('catalogue', async () => {
    const catalogue = await activations.listActivations();
    const names = catalogue.activations.map((a) => a.name);
    assert.ok(names.includes('relu') && names.includes('softmax'));
    const leaky = catalogue.activations.find((a) => a.name === 'leaky_relu');
    assert.equal(leaky.parameters[0].minimum, null);
  });
  await check('evaluate', async () => {
    const answer = await activations.evaluateActivation({
      name: 'leaky_relu',
      evaluateRequest: { x: [-1, 0, 2], params: { alpha: 0.1 } },
    });
    assert.deepEqual(answer.values, [-0.1, 0, 2]);
  });
  await check('gradient chain', async () => {
    const chain = await new client.GradientsApi(config).gradientChain({
      chainRequest: { activation: 'sigmoid', layers: 3, preActivation: 0, weight: 1 },
    });
    assert.equal(chain.inputGradient, 0.015625);
    assert.equal(chain.vanishedAfterLayers ?? null, null);
  });
  await check('perceptron training', async () => {
    const answer = await new client.PerceptronsApi(config).trainPerceptron({
      perceptronTrainRequest: {
        inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 1], learningRate: 0.1, shuffle: true,
      },
    });
    assert.equal(answer.converged, true);
    assert.ok(Number.isSafeInteger(answer.seed), `seed ${answer.seed} is beyond 2^53`);
  });
  await check('problem document', async () => {
    let error;
    try {
      await activations.evaluateActivation({ name: 'nosuch', evaluateRequest: { x: [1] } });
    } catch (e) {
      error = e;
    }
    assert.equal(error?.name, 'ResponseError');
    assert.equal(error.response.status, 404);
    const problem = await error.response.json();
    assert.equal(problem.type, 'urn:activation-lab:problem:unknown-activation');
    assert.ok(problem.validNames.includes('relu'));
  });
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
})();
