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
const state = { catalogue: [], curve: null, chain: null, gates: [], gate: null, curveChart: null, chainChart: null };
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
}

start();
