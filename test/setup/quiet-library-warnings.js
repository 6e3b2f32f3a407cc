// Atlaskit, rendered in jsdom outside Atlassian's products, warns that its feature-gate
// client was never initialised, and React 18 warns about one of its components'
// defaultProps. Both are library noise that would bury real warnings in the test
// output; every other message still goes through.
const LIBRARY_NOISE = [
  'An error has occurred checking the feature gate',
  'Support for defaultProps will be removed from function components',
];

const isNoise = (args) =>
  args.some((a) => {
    const text = typeof a === 'string' ? a : a && typeof a === 'object' && typeof a.msg === 'string' ? a.msg : '';
    return LIBRARY_NOISE.some((n) => text.includes(n));
  });

for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    if (!isNoise(args)) original(...args);
  };
}
