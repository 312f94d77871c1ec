export function App() { return <div>hi</div> }
