// The Activation Lab playground: every number shown comes from the JSON API (see /swagger-ui.html).
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';

const API = '/api/v1';
/** Line colours, the same twelve as the service's own charts (Tableau 10 and two darker ones). */
const PALETTE = ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948',
  '#B07AA1', '#FF9DA7', '#9C755F', '#BAB0AC', '#1F3A5F', '#6B3E00'];
const DEFAULT_CHAIN = ['sigmoid', 'tanh', 'relu'];
const BINARY_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]];
const MAX_TABLE_ROWS = 121;

const $ = (id) => document.getElementById(id);

/** Exposed for the browser test and for curious people with a console. */
const state = { catalogue: [], curve: null, chain: null, gates: [], gate: null, curveChart: null, chainChart: null,
  dataset: null, training: null, race: null, lossChart: null };
window.activationLab = state;

// ---------------------------------------------------------------------------------------------
// Talking to the API

/** A problem document (RFC 9457) answered by the API, or a failure to reach it. */
class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || fallback);
    this.status = status;
    this.title = problem?.title || (status ? `HTTP ${status}` : 'Network error');
    this.detail = problem?.detail || fallback;
    this.field = problem?.field || null;
  }
}

async function api(path, { method = 'GET', body, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json, application/problem+json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'The service could not be reached. Is it running?');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json, `The service answered ${response.status} ${response.statusText}.`);
  }
  return json;
}

/** Shows an API error as a readable message: its title, what was wrong, and where. */
function showError(region, error, context) {
  region.replaceChildren();
  const heading = document.createElement('strong');
  heading.textContent = (context ? `${context}: ` : '') + error.title
      + (error.status ? ` (HTTP ${error.status})` : '');
  const detail = document.createElement('p');
  detail.textContent = error.detail || error.message;
  region.append(heading, detail);
  if (error.field) {
    const field = document.createElement('p');
    field.className = 'field-at-fault';
    field.textContent = `At: ${error.field}`;
    region.append(field);
  }
  region.hidden = false;
}

function clearError(region) {
  region.hidden = true;
  region.replaceChildren();
}

/** Runs fn at most once per pause in typing; each run aborts the previous request. */
function debounced(fn, delay = 200) {
  let timer = null;
  let controller = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller?.abort();
      controller = new AbortController();
      fn(controller.signal).catch((e) => {
        if (e.name !== 'AbortError') console.error(e);
      });
    }, delay);
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function formatNumber(v) {
  if (v === null || v === undefined) return '—';
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) {
    // 1e-6 rather than 1.000e-6
    const [mantissa, exponent] = v.toExponential(3).split('e');
    return `${String(Number(mantissa))}e${exponent.replace('+', '')}`;
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** 10 to a whole power, with a superscript exponent: 10⁻¹². */
function powerOfTen(exponent) {
  return '10' + String(Math.round(exponent)).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** |g| from its decimal logarithm, readable even where it underflows a double (8.71e-603). */
function magnitude(log10) {
  if (log10 === null || log10 === undefined) return '0 (a factor is exactly 0)';
  if (Math.abs(log10) < 3) return String(Number(Math.pow(10, log10).toPrecision(3)));
  let exponent = Math.floor(log10);
  let mantissa = Number(Math.pow(10, log10 - exponent).toPrecision(3));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${mantissa}e${exponent}`;
}

function layersText(n) {
  return n === 1 ? '1 layer' : `${n} layers`;
}

function describeFunction(name, params) {
  const entries = Object.entries(params || {});
  return entries.length ? `${name} (${entries.map(([k, v]) => `${k} = ${formatNumber(v)}`).join(', ')})` : name;
}

// ---------------------------------------------------------------------------------------------
// Charts

/** A chart as wide as its box and about 3:5 in shape, within limits, so it fits a phone as well as a desktop. */
function chartSize(box) {
  const width = box.clientWidth || 600;
  return { width, height: Math.max(220, Math.min(380, Math.round(width * 0.6))) };
}

/** Resizes whichever chart currently lives in the box whenever the box changes width. */
function keepFitted(box, currentChart) {
  new ResizeObserver(() => currentChart()?.setSize(chartSize(box))).observe(box);
}

function createCurveChart(box) {
  return new uPlot({
    ...chartSize(box),
    scales: { x: { time: false } },
    series: [
      { label: 'x', value: (u, v) => formatNumber(v) },
      { label: 'f(x)', stroke: PALETTE[0], width: 2, value: (u, v) => formatNumber(v) },
      { label: 'f′(x)', stroke: PALETTE[1], width: 2, dash: [6, 4], value: (u, v) => formatNumber(v) },
    ],
    axes: [{ label: 'x' }, { label: 'f(x), f′(x)' }],
  }, [[], [], []], box);
}

function createChainChart(box, results) {
  const layers = results.length ? results[0].perLayer.map((p) => p.layer) : [];
  const data = [layers, ...results.map((r) => r.perLayer.map((p) => p.log10Gradient))];
  return new uPlot({
    ...chartSize(box),
    scales: { x: { time: false } },
    series: [
      { label: 'layer' },
      ...results.map((r, i) => ({
        label: r.activation,
        stroke: PALETTE[i % PALETTE.length],
        width: 2,
        spanGaps: false,
        points: { show: layers.length <= 60 },
        // No cursor on the chart: no value to show. A gap under the cursor: |g| is exactly 0.
        value: (u, v, seriesIdx, idx) => (idx === null || idx === undefined ? '—' : magnitude(v)),
      })),
    ],
    axes: [
      { label: 'layer (1 = next to the input)', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
      {
        label: '|gradient| (log scale)',
        size: 70,
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
        values: (u, splits) => splits.map(powerOfTen),
      },
    ],
  }, data, box);
}

// ---------------------------------------------------------------------------------------------
// An activation and its derivative

function selectedActivation() {
  return state.catalogue.find((a) => a.name === $('activation').value);
}

function renderParameterInputs(activation) {
  const fieldset = $('parameters');
  fieldset.querySelectorAll('.parameter').forEach((el) => el.remove());
  $('no-parameters').hidden = activation.parameters.length > 0;
  for (const p of activation.parameters) {
    const span = Math.max(1, 3 * Math.abs(p.defaultValue));
    const low = p.minimum ?? p.defaultValue - span;
    const high = p.maximum ?? p.defaultValue + span;
    const step = Number(((high - low) / 200).toPrecision(2));

    const wrapper = document.createElement('div');
    wrapper.className = 'field parameter';
    const label = document.createElement('label');
    label.htmlFor = `param-${p.name}`;
    label.textContent = p.name;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `param-${p.name}-hint`;
    hint.textContent = `${p.description} Default ${formatNumber(p.defaultValue)}.`;
    const row = document.createElement('div');
    row.className = 'slider-row';
    const number = document.createElement('input');
    number.type = 'number';
    number.id = `param-${p.name}`;
    number.name = p.name;
    number.step = 'any';
    number.value = p.defaultValue;
    number.dataset.parameter = p.name;
    number.setAttribute('inputmode', 'decimal');
    number.setAttribute('aria-describedby', hint.id);
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.id = `param-${p.name}-slider`;
    slider.min = low;
    slider.max = high;
    slider.step = step;
    slider.value = p.defaultValue;
    slider.setAttribute('aria-label', `${p.name} slider`);
    slider.addEventListener('input', () => {
      number.value = slider.value;
      redrawCurve();
    });
    number.addEventListener('input', () => {
      if (number.value !== '') slider.value = number.value;
    });
    row.append(number, slider);
    wrapper.append(label, row, hint);
    fieldset.append(wrapper);
  }
  $('activation-formula').textContent = `f(x) = ${activation.formula}; f′(x) = ${activation.derivativeFormula}`;
}

function curveQuery() {
  const query = new URLSearchParams({ from: $('from').value, to: $('to').value, points: $('points').value });
  document.querySelectorAll('#parameters input[data-parameter]').forEach((input) => {
    query.set(input.dataset.parameter, input.value);
  });
  return query;
}

async function loadCurve(signal) {
  const activation = selectedActivation();
  if (!activation) return;
  const query = curveQuery();
  const name = encodeURIComponent(activation.name);
  try {
    const curve = await api(`${API}/activations/${name}/curve?${query}`, { signal });
    clearError($('curve-error'));
    state.curve = curve;
    showCurve(curve);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    showError($('curve-error'), e, 'The curve could not be computed');
  }
  const plotQuery = new URLSearchParams(query);
  plotQuery.set('format', 'svg');
  $('curve-svg').href = `${API}/activations/${name}/plot?${plotQuery}`;
  plotQuery.set('format', 'png');
  $('curve-png').href = `${API}/activations/${name}/plot?${plotQuery}`;
}

function showCurve(curve) {
  const showDerivative = $('show-derivative').checked;
  state.curveChart.setData([curve.x, curve.values, curve.derivatives]);
  state.curveChart.setSeries(2, { show: showDerivative });
  $('curve-title').textContent = `${describeFunction(curve.activation, curve.params)}: f${showDerivative ? ' and f′' : ''}`;
  const range = (values) => `${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}`;
  const n = curve.x.length;
  $('curve-summary').textContent = `Over x from ${formatNumber(curve.x[0])} to ${formatNumber(curve.x[n - 1])} `
      + `(${n} points), f runs from ${range(curve.values)} and f′ from ${range(curve.derivatives)}. `
      + `f(${formatNumber(curve.x[0])}) = ${formatNumber(curve.values[0])}, `
      + `f(${formatNumber(curve.x[n - 1])}) = ${formatNumber(curve.values[n - 1])}.`;
  const every = Math.max(1, Math.ceil(n / MAX_TABLE_ROWS));
  const rows = [];
  for (let i = 0; i < n; i += every) {
    const tr = document.createElement('tr');
    for (const v of [curve.x[i], curve.values[i], curve.derivatives[i]]) {
      const td = document.createElement('td');
      td.textContent = formatNumber(v);
      tr.append(td);
    }
    rows.push(tr);
  }
  $('curve-table').tBodies[0].replaceChildren(...rows);
}

const redrawCurve = debounced(loadCurve);

// ---------------------------------------------------------------------------------------------
// Gradient decay

function chainSelection() {
  return [...document.querySelectorAll('#chain-activations input:checked')].map((input) => input.value);
}

async function loadChain(signal) {
  const names = chainSelection();
  const layers = Number($('layers').value);
  const preActivation = Number($('pre-activation').value);
  const weight = Number($('weight').value);
  const query = new URLSearchParams({ activations: names.join(','), layers: $('layers').value,
    preActivation: $('pre-activation').value, weight: $('weight').value });
  $('chain-svg').href = `${API}/gradients/chain/plot?${query}&format=svg`;
  $('chain-png').href = `${API}/gradients/chain/plot?${query}&format=png`;
  if (names.length === 0) {
    showError($('chain-error'), new ApiError(0, null, 'Tick at least one activation to compare.'), 'Nothing to compare');
    return;
  }
  const settled = await Promise.allSettled(names.map((activation) => api(`${API}/gradients/chain`,
      { method: 'POST', body: { activation, layers, preActivation, weight }, signal })));
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
  const results = [];
  const failures = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else failures.push([names[i], outcome.reason]);
  });
  if (failures.length) {
    const [name, error] = failures[0];
    showError($('chain-error'), error, `The chain of ${name} could not be computed`);
  } else {
    clearError($('chain-error'));
  }
  state.chain = results;
  state.chainChart?.destroy();
  state.chainChart = null;
  $('chain-chart').replaceChildren();
  if (results.length === 0) {
    $('chain-summary').replaceChildren();
    return;
  }
  state.chainChart = createChainChart($('chain-chart'), results);
  $('chain-title').textContent = `|gradient| reaching each of ${layersText(layers)}, z = ${formatNumber(preActivation)}, `
      + `w = ${formatNumber(weight)}`;
  $('chain-summary').replaceChildren(...results.map((r) => {
    const li = document.createElement('li');
    const fate = r.vanishedAfterLayers != null
      ? `falls below ${formatNumber(r.vanishingThreshold)} after ${layersText(r.vanishedAfterLayers)}`
      : r.explodedAfterLayers != null
        ? `rises above ${formatNumber(r.explodingThreshold)} after ${layersText(r.explodedAfterLayers)}`
        : 'neither vanishes nor explodes';
    li.textContent = `${r.activation}: at the input |g| = ${magnitude(r.log10InputGradient)}; it ${fate}.`;
    return li;
  }));
}

const redrawChain = debounced(loadChain, 300);

// ---------------------------------------------------------------------------------------------
// Logic gates

function chooseGate(gate) {
  state.gate = gate;
  const network = Boolean(gate.layers);
  $('perceptron-fields').hidden = network;
  $('network-fields').hidden = !network;
  if (network) {
    $('gate-layers').value = JSON.stringify(gate.layers, null, 2);
  } else {
    $('gate-weights').value = gate.weights.join(', ');
    $('gate-bias').value = gate.bias;
  }
  $('gate-run').textContent = `Run ${gate.name}`;
}

async function runGate() {
  const gate = state.gate;
  if (!gate) return;
  const region = $('gate-error');
  let result;
  try {
    if (gate.layers) {
      let layers;
      try {
        layers = JSON.parse($('gate-layers').value);
      } catch (e) {
        throw new ApiError(0, { title: 'Not valid JSON', detail: e.message }, e.message);
      }
      const forward = await api(`${API}/networks/forward`, { method: 'POST', body: { inputs: BINARY_INPUTS, layers } });
      result = {
        middle: 'Hidden layer',
        middleValues: forward.layers.length > 1 ? forward.layers[0].outputs.map((row) => row.map(formatNumber).join(', ')) : [],
        outputs: forward.outputs.map((row) => row[0]),
      };
    } else {
      const weights = $('gate-weights').value.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
      const bias = $('gate-bias').value === '' ? null : Number($('gate-bias').value);
      const run = await api(`${API}/perceptron/run`, { method: 'POST',
        body: { weights, bias, inputs: BINARY_INPUTS, activation: gate.activation || 'step', params: gate.params || {} } });
      result = { middle: 'Weighted sum', middleValues: run.weightedSums.map(formatNumber), outputs: run.outputs };
    }
  } catch (e) {
    showError(region, e, `${gate.name} could not be run`);
    return;
  }
  clearError(region);
  const head = $('truth-table').tHead.rows[0];
  head.cells[2].textContent = result.middle;
  $('truth-caption').textContent = `${gate.name} truth table`;
  $('truth-table').tBodies[0].replaceChildren(...BINARY_INPUTS.map((inputs, r) => {
    const tr = document.createElement('tr');
    for (const v of [inputs[0], inputs[1], result.middleValues[r] ?? '', formatNumber(result.outputs[r])]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    tr.cells[3].className = 'output-cell';
    return tr;
  }));
}

function renderGateChoices(gates) {
  const box = $('gate-choices');
  box.replaceChildren(...gates.map((gate, i) => {
    const label = document.createElement('label');
    label.className = 'gate-choice';
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'gate';
    radio.value = gate.name;
    radio.id = `gate-${gate.name.toLowerCase()}`;
    radio.checked = i === 0;
    radio.addEventListener('change', () => {
      chooseGate(gate);
      runGate();
    });
    label.append(radio, ` ${gate.name}`);
    return label;
  }));
  if (gates.length) chooseGate(gates[0]);
}


// ---------------------------------------------------------------------------------------------
// Train a network

const RACE_DEFAULT = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu'];
const RACE_SEEDS = [1, 2, 3];
/** Low enough that the curves show how far each activation gets, not only how fast it reaches the target. */
const RACE_TARGET = 0.02;
const CLASS_COLOURS = [PALETTE[0], PALETTE[1]];

/**
 * POSTs body to path asking for Server-Sent Events; calls onProgress with each progress event's data and
 * resolves with the result event's data. A problem event, or a 4xx before the stream, rejects with an ApiError.
 */
async function stream(path, body, onProgress, signal) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST', signal, body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'The service could not be reached. Is it running?');
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem, `The service answered ${response.status} ${response.statusText}.`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5);
      }
      const json = data ? JSON.parse(data) : null;
      if (name === 'progress') onProgress(json);
      else if (name === 'result') return json;
      else if (name === 'problem') throw new ApiError(json?.status, json, 'The work failed after it started.');
    }
  }
  throw new ApiError(0, null, 'The stream ended without a result.');
}

function trainDataset() {
  return { name: $('train-dataset').value, samples: 200, noise: Number($('train-noise').value), seed: 1 };
}

function trainHidden() {
  return $('train-hidden').value.split(',').map((w) => w.trim()).filter((w) => w !== '').map(Number);
}

function trainOptimizer() {
  return { name: $('train-optimizer').value, learningRate: Number($('train-rate').value) };
}

function trainBody() {
  const body = {
    dataset: trainDataset(),
    architecture: { hidden: trainHidden(), activation: $('train-activation').value },
    loss: 'bce_with_logits',
    optimizer: trainOptimizer(),
    epochs: Number($('train-epochs').value),
    batchSize: Number($('train-batch').value),
    shuffle: true,
    seed: 1,
  };
  return body;
}

/** Draws the samples of the chosen dataset as dots coloured by class. */
async function drawDataset(signal) {
  const { name, samples, noise, seed } = trainDataset();
  let data;
  try {
    data = await api(`${API}/datasets/${encodeURIComponent(name)}?samples=${samples}&noise=${noise}&seed=${seed}`,
      { signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    showError($('train-error'), e, 'The dataset could not be drawn');
    return;
  }
  clearError($('train-error'));
  state.dataset = data;
  const canvas = $('train-scatter');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const xs = data.inputs.map((p) => p[0]);
  const ys = data.inputs.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = 12;
  const sx = (x) => pad + ((x - x0) / ((x1 - x0) || 1)) * (canvas.width - 2 * pad);
  const sy = (y) => canvas.height - pad - ((y - y0) / ((y1 - y0) || 1)) * (canvas.height - 2 * pad);
  data.inputs.forEach((p, i) => {
    g.fillStyle = CLASS_COLOURS[data.targets[i][0] >= 0.5 ? 1 : 0];
    g.beginPath();
    g.arc(sx(p[0]), sy(p[1]), 3.5, 0, 2 * Math.PI);
    g.fill();
  });
}

function createLossChart(box, labels) {
  return new uPlot({
    ...chartSize(box),
    scales: { x: { time: false } },
    series: [
      { label: 'epoch' },
      ...labels.map((label, i) => ({ label, stroke: PALETTE[i % PALETTE.length], width: 2,
        value: (u, v) => (v === null || v === undefined ? '—' : formatNumber(10 ** v)) })),
    ],
    axes: [
      { label: 'epoch' },
      { label: 'loss (log scale)', size: 70, values: (u, splits) => splits.map((v) => formatNumber(10 ** v)) },
    ],
  }, [[], ...labels.map(() => [])], box);
}

let trainController = null;

function startWork(label) {
  trainController?.abort();
  trainController = new AbortController();
  clearError($('train-error'));
  $('train-progress').value = 0;
  $('train-status').textContent = label;
  $('train-dead').replaceChildren();
  $('race-ranking').replaceChildren();
  return trainController.signal;
}

async function runTraining() {
  const signal = startWork('Training…');
  const body = trainBody();
  const epochs = [];
  const losses = [];
  state.lossChart?.destroy();
  state.lossChart = createLossChart($('train-loss-chart'), ['loss']);
  state.training = null;
  try {
    const result = await stream(`${API}/networks/train`, body, (p) => {
      epochs.push(p.epoch);
      losses.push(Math.log10(Math.max(p.loss, 1e-300)));
      state.lossChart.setData([epochs, losses]);
      $('train-progress').value = p.epoch / p.epochs;
      $('train-status').textContent = `Epoch ${p.epoch} of ${p.epochs}: loss ${formatNumber(p.loss)}`;
    }, signal);
    state.training = result;
    // The result's history is complete; the stream only sent some epochs.
    state.lossChart.setData([result.history.map((h) => h.epoch),
      result.history.map((h) => Math.log10(Math.max(h.loss, 1e-300)))]);
    $('train-progress').value = 1;
    $('train-status').textContent = `Trained ${result.epochs} epochs: loss ${formatNumber(result.loss)}, `
      + `accuracy ${formatNumber(result.accuracy)}.`;
    const last = result.history[result.history.length - 1];
    $('train-dead').replaceChildren(...last.layers.slice(0, -1).map((l, k) => {
      const item = document.createElement('li');
      item.textContent = `Hidden layer ${k + 1}: ${l.deadUnits} dead unit${l.deadUnits === 1 ? '' : 's'} of `
        + `${result.layers[k].biases.length}` + (l.alpha === undefined ? '' : `, alpha ${formatNumber(l.alpha)}`);
      return item;
    }));
    await showBoundary(result, signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('train-status').textContent = '';
    showError($('train-error'), e, 'Training failed');
  }
}

async function showBoundary(result, signal) {
  const data = state.dataset;
  const response = await fetch(`${API}/networks/decision-boundary/plot`, {
    method: 'POST', signal,
    headers: { 'Content-Type': 'application/json', Accept: 'image/svg+xml, application/problem+json' },
    body: JSON.stringify({ layers: result.layers, inputs: data.inputs, targets: data.targets,
      loss: 'bce_with_logits', resolution: 60, format: 'svg', width: 480, height: 480 }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null), 'The boundary could not be drawn.');
  }
  const image = $('train-boundary');
  if (image.dataset.url) URL.revokeObjectURL(image.dataset.url);
  image.dataset.url = URL.createObjectURL(await response.blob());
  image.src = image.dataset.url;
  image.hidden = false;
}

async function runRace() {
  const activations = [...document.querySelectorAll('#race-activations input:checked')].map((b) => b.value);
  const signal = startWork('Racing…');
  const body = {
    activations,
    dataset: trainDataset(),
    hidden: trainHidden(),
    loss: 'bce_with_logits',
    optimizer: trainOptimizer(),
    epochs: Number($('train-epochs').value),
    batchSize: Number($('train-batch').value),
    shuffle: true,
    seeds: RACE_SEEDS,
    targetLoss: RACE_TARGET,
  };
  state.race = null;
  $('train-boundary').hidden = true;
  try {
    const result = await stream(`${API}/experiments/convergence`, body, (p) => {
      $('train-progress').value = (p.run + p.epoch / p.epochs) / p.runs;
      $('train-status').textContent = `Run ${p.run + 1} of ${p.runs} (${p.activation}, seed ${p.seed}): `
        + `epoch ${p.epoch}, loss ${formatNumber(p.loss)}`;
    }, signal);
    state.race = result;
    state.lossChart?.destroy();
    state.lossChart = createLossChart($('train-loss-chart'), result.results.map((r) => r.activation));
    const curveEpochs = result.results[0].lossCurve.map((_, e) => e);
    state.lossChart.setData([curveEpochs,
      ...result.results.map((r) => r.lossCurve.map((v) => Math.log10(Math.max(v, 1e-300))))]);
    $('train-progress').value = 1;
    $('train-status').textContent = `Median loss curves over ${RACE_SEEDS.length} seeds; target loss ${RACE_TARGET}.`;
    $('race-ranking').replaceChildren(...result.ranking.map((name) => {
      const r = result.results.find((x) => x.activation === name);
      const item = document.createElement('li');
      item.textContent = `${name}: reached the target in ${formatNumber(r.reachedFraction * 100)} % of runs`
        + (r.medianEpochsToTarget === null ? '' : `, median ${formatNumber(r.medianEpochsToTarget)} epochs`)
        + `, median final loss ${r.medianFinalLoss === null ? '—' : formatNumber(r.medianFinalLoss)}`;
      return item;
    }));
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('train-status').textContent = '';
    showError($('train-error'), e, 'The race failed');
  }
}

async function startTraining() {
  keepFitted($('train-loss-chart'), () => state.lossChart);
  state.lossChart = createLossChart($('train-loss-chart'), ['loss']);
  $('train-activation').replaceChildren(...state.catalogue.map((a) => new Option(a.name, a.name)));
  $('train-activation').value = 'tanh';
  $('race-activations').replaceChildren(...state.catalogue.map((a) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = a.name;
    box.id = `race-${a.name}`;
    box.checked = RACE_DEFAULT.includes(a.name);
    label.append(box, ` ${a.name}`);
    return label;
  }));
  try {
    const { datasets } = await api(`${API}/datasets`);
    $('train-dataset').replaceChildren(...datasets.map((d) => new Option(d.name, d.name)));
    $('train-dataset').value = 'circle';
  } catch (e) {
    showError($('train-error'), e, 'The datasets could not be loaded');
    return;
  }
  const redrawDataset = debounced(drawDataset);
  $('train-dataset').addEventListener('change', redrawDataset);
  $('train-noise').addEventListener('input', redrawDataset);
  $('train-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runTraining();
  });
  $('race-run').addEventListener('click', runRace);
  await drawDataset();
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  state.curveChart = createCurveChart($('curve-chart'));
  keepFitted($('curve-chart'), () => state.curveChart);
  keepFitted($('chain-chart'), () => state.chainChart);

  let catalogue;
  try {
    catalogue = await api(`${API}/activations`);
  } catch (e) {
    showError($('page-error'), e, 'The activation catalogue could not be loaded');
    return;
  }
  state.catalogue = catalogue.activations.filter((a) => !a.vectorValued);
  $('activation').replaceChildren(...state.catalogue.map((a) => new Option(`${a.displayName} (${a.name})`, a.name)));
  $('activation').value = state.catalogue.some((a) => a.name === 'sigmoid') ? 'sigmoid' : state.catalogue[0]?.name;
  renderParameterInputs(selectedActivation());

  $('activation').addEventListener('change', () => {
    renderParameterInputs(selectedActivation());
    redrawCurve();
  });
  $('curve-form').addEventListener('input', (event) => {
    if (event.target.id !== 'activation' && event.target.type !== 'range') redrawCurve();
  });
  $('curve-form').addEventListener('submit', (event) => {
    event.preventDefault();
    redrawCurve();
  });
  $('show-derivative').addEventListener('change', () => state.curve && showCurve(state.curve));
  redrawCurve();

  $('chain-activations').replaceChildren(...state.catalogue.map((a) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = a.name;
    box.id = `chain-${a.name}`;
    box.checked = DEFAULT_CHAIN.includes(a.name);
    label.append(box, ` ${a.name}`);
    return label;
  }));
  $('chain-form').addEventListener('change', redrawChain);
  $('chain-form').addEventListener('submit', (event) => {
    event.preventDefault();
    redrawChain();
  });
  redrawChain();

  $('gate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runGate();
  });
  try {
    const { gates } = await api(`${API}/perceptron/gates`);
    state.gates = gates;
    renderGateChoices(gates);
    runGate();
  } catch (e) {
    showError($('gate-error'), e, 'The logic gates could not be loaded');
  }
  await startTraining();
}

start();
