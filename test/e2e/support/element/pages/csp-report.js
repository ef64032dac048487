// A classic script, first in every page's <head>: records every Content-Security-Policy
// violation of the page (the event is composed, so violations inside shadow roots reach here).
window.__cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  },
  true,
);
