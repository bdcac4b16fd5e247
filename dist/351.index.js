export const id = 351;
export const ids = [351];
export const modules = {

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* unused harmony export maxRateLimitWaitSeconds */
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5250);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6339);
// The GitHub I/O edge: an octokit that retries 5xx answers and waits out
// rate limits, pointed at GITHUB_API_URL (GitHub Enterprise Server too).
// Only loadClient loads this file in the Action's main step.





// The retry plugin outermost: each retry of a write goes through the throttling
// plugin's write queue again, and so keeps its spacing from the writes around it.
const Client = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .GitHub */ .gq.plugin(_octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L);
/** The longest wait a rate limit may ask for before the Action gives up. */
const maxRateLimitWaitSeconds = 300;
// The retry plugin's default list, plus 429: a secondary rate limit answered
// with 429 must reach the throttling plugin, which waits as retry-after says,
// instead of being retried on the retry plugin's own schedule.
const notRetried = [400, 401, 403, 404, 410, 422, 429, 451];
function createClient({ token, apiUrl, log: print, delayUnit = 1000 }) {
    (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .keepSecret */ .gz)(token);
    const log = (message) => print((0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .redactSecrets */ .fp)(message));
    const limitRetry = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const willRetry = retryCount < 3 && retryAfter <= maxRateLimitWaitSeconds;
        const why = retryCount >= 3 ? 'giving up after 3 retries' : `giving up: it asks to wait ${retryAfter} s, longer than ${maxRateLimitWaitSeconds} s`;
        log(`GitHub ${kind} on ${options.method} ${options.url}: ${willRetry ? `retrying in ${retryAfter} s` : why}`);
        return willRetry;
    };
    return new Client((0,_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_0__/* .getOctokitOptions */ .EG)(token, {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        retry: { retryAfterBaseValue: delayUnit, doNotRetry: notRetried },
        throttle: {
            retryAfterBaseValue: delayUnit,
            write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: delayUnit }),
            onSecondaryRateLimit: limitRetry('secondary rate limit'),
            onRateLimit: limitRetry('rate limit'),
        },
        log: { debug: () => { }, info: () => { }, warn: log, error: log },
    }));
}


/***/ })

};
