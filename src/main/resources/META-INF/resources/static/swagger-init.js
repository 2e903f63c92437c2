// Starts Swagger UI on /q/swagger-ui (see org.claimdesk.system.SwaggerPage): a file, because the CSP allows no
// inline scripts. Requests are sent with the browser's session, so "Try it out" acts as the logged-in account.
window.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
