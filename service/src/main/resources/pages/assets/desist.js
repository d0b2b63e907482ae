// Enhancement only: every page works without this. GOV.UK Frontend's components (error summary focus, radios,
// the service navigation's menu on small screens) start here, since the CSP allows no inline script.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A page restored from the browser's back/forward cache is not asked of the server again, so after signing out
// the back button could show it. Chromium evicts such pages when a Secure cookie changes (over TLS); this covers
// plain HTTP too: a restored page is fetched afresh, and without a session that is the sign-in page.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    window.location.reload();
  }
});
