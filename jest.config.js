/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/dev/**/*.test.ts', '<rootDir>/test/**/*.test.ts', '<rootDir>/static/dashboard/src/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/setup/quiet-library-warnings.js'],
  // Atlaskit components import their compiled CSS; tests need none of it.
  moduleNameMapper: { '\\.css$': '<rootDir>/static/dashboard/src/testing/style-stub.js' },
};
