// web-tree-sitter's CommonJS build: the bundler follows this require() with the
// "require" export condition, and that build takes the wasm bytes we hand it.
module.exports = require('web-tree-sitter');
