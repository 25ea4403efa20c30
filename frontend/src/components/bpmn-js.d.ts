// bpmn-js ships its own types for the viewer; the style sheets need a declaration for the bundler's CSS imports.
declare module 'bpmn-js/dist/assets/diagram-js.css';
declare module 'bpmn-js/dist/assets/bpmn-js.css';
