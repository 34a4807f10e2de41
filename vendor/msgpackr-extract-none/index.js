// No native extractor: msgpackr checks for one and falls back to its JavaScript decoder.
module.exports = null;
