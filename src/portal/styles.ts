// The portal's stylesheet, after the GOV.UK Design System's type scale, colours, spacing and focus
// states (system fonts: the GOV.UK typeface is only licensed for gov.uk domains). A TypeScript string so
// the build ships it without copying assets.
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { background: #f3f2f1; }
body { margin: 0; background: #fff; color: #0b0c0c; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.32; -webkit-font-smoothing: antialiased; }
a { color: #1d70b8; text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .15em; }
a:visited { color: #4c2c92; }
a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
a:focus, .button:focus, input:focus, select:focus { outline: 3px solid transparent; background-color: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; color: #0b0c0c; text-decoration: none; }
input:focus, select:focus { background-color: #fff; outline: 3px solid #fd0; outline-offset: 0; box-shadow: inset 0 0 0 2px; }
.skip-link { position: absolute; left: -9999px; padding: 10px 15px; background: #fd0; color: #0b0c0c; }
.skip-link:focus { left: 0; z-index: 10; }
.header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; }
.header__inner, .width-container { max-width: 1200px; margin: 0 auto; padding: 0 30px; }
.header__inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 10px; padding-top: 14px; padding-bottom: 10px; }
.header__service { color: #fff; font-weight: 700; font-size: 24px; text-decoration: none; }
.header__service:visited, .header__service:hover { color: #fff; }
.header__nav { display: flex; align-items: center; gap: 20px; font-size: 16px; }
.header__nav a, .header__nav a:visited { color: #fff; }
.header__nav form { margin: 0; }
.link-button { background: none; border: 0; padding: 0; color: #fff; font: inherit; text-decoration: underline; cursor: pointer; }
.link-button:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
main { display: block; padding: 40px 0 60px; }
.caption { display: block; color: #505a5f; font-size: 24px; margin-bottom: 5px; }
h1 { font-size: 48px; line-height: 1.04; margin: 0 0 40px; }
h2 { font-size: 36px; margin: 0 0 20px; }
p { margin: 0 0 20px; }
.body-s { font-size: 16px; }
.hint { display: block; color: #505a5f; margin-bottom: 15px; }
.form-group { margin-bottom: 30px; }
.form-group--error { padding-left: 15px; border-left: 5px solid #d4351c; }
label, legend { display: block; font-weight: 700; margin-bottom: 5px; }
legend.legend-l { font-size: 36px; line-height: 1.1; margin-bottom: 20px; }
legend.legend-m { font-size: 24px; font-weight: 700; line-height: 1.25; margin-bottom: 15px; }
.panel { background: #00703c; color: #fff; padding: 25px; margin-bottom: 30px; text-align: center; }
.panel h1 { margin: 0; color: #fff; }
.legend-heading { font-size: inherit; margin: 0; }
fieldset { border: 0; margin: 0; padding: 0; }
.error-message { display: block; color: #d4351c; font-weight: 700; margin-bottom: 15px; }
input[type=text], input[type=email], input[type=search], select { font: inherit; border: 2px solid #0b0c0c; border-radius: 0; padding: 5px; height: 2.5em; width: 100%; max-width: 30em; background: #fff; }
.input--error { border-color: #d4351c !important; }
.radios__item { display: flex; align-items: flex-start; gap: 10px; margin-bottom: 15px; }
.radios__item input { width: 30px; height: 30px; margin: 0; accent-color: #0b0c0c; }
.radios__item label { font-weight: 400; margin: 0; }
.radios__item .hint { margin: 0; }
.button { display: inline-block; font: inherit; line-height: 1.2; padding: 8px 10px 7px; border: 2px solid transparent; border-radius: 0; background: #00703c; color: #fff; box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none; margin: 0 15px 30px 0; }
.button:hover { background: #005a30; }
.button--secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
.button--secondary:hover { background: #dbdad9; }
.error-summary { border: 5px solid #d4351c; padding: 20px; margin-bottom: 30px; }
.error-summary:focus { outline: 3px solid #fd0; }
.error-summary h2 { font-size: 24px; }
.error-summary ul { margin: 0; padding: 0; list-style: none; }
.error-summary a { color: #d4351c; font-weight: 700; }
.notification { border: 5px solid #1d70b8; margin-bottom: 30px; }
.notification__title { background: #1d70b8; color: #fff; margin: 0; padding: 2px 15px 5px; font-size: 19px; }
.notification__content { padding: 15px; }
.filters { background: #f3f2f1; padding: 20px; margin-bottom: 30px; }
.filters__row { display: flex; flex-wrap: wrap; gap: 20px; }
.filters__row .form-group { flex: 1 1 200px; margin-bottom: 20px; }
.filters .button { margin-bottom: 0; }
.results-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 10px; margin-bottom: 15px; }
.table-wrapper { overflow-x: auto; margin-bottom: 30px; }
table { width: 100%; border-collapse: collapse; font-size: 16px; }
th, td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
th { font-weight: 700; }
.status-description { margin: 5px 0 0; }
.tag { display: inline-block; padding: 2px 8px 3px; font-weight: 700; font-size: 16px; background: #bbd4ea; color: #0c2d4a; }
.tag--grey { background: #e5e6e7; color: #0b0c0c; }
.tag--green { background: #cce2d8; color: #005a30; }
.tag--red { background: #f4cdc6; color: #2a0b06; }
.tag--yellow { background: #fff7bf; color: #594d00; }
.tag--purple { background: #dbd5e9; color: #3d2375; }
.tag--orange { background: #fcd6c3; color: #6e3619; }
.pagination ul { display: flex; flex-wrap: wrap; gap: 5px; margin: 0; padding: 0; list-style: none; }
.pagination a, .pagination span { display: inline-block; padding: 5px 10px; }
.pagination [aria-current] { background: #1d70b8; color: #fff; font-weight: 700; text-decoration: none; }
.visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; border: 0 !important; white-space: nowrap !important; }
.footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 25px 0; font-size: 16px; color: #505a5f; }
@media (max-width: 640px) { h1 { font-size: 32px; } .header__inner, .width-container { padding: 0 15px; } body { font-size: 16px; } }
`;
