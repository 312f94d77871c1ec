import { createRoot } from 'react-dom/client'
import { App } from './App'
// The app-wide styles, by area. Their order is the cascade's (later rules win
// ties), and they load after the features' own CSS, as one styles.css did.
import './styles/base.css'
import './styles/chrome.css'
import './styles/reader.css'
import './styles/panes.css'
import './styles/dialogs.css'
import './styles/extras.css'
import './styles/room.css'
import './styles/theme.css'

createRoot(document.getElementById('root')!).render(<App />)
