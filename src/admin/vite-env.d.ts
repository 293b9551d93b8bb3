/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The backend's address when the admin is served from elsewhere; unset, the admin calls its own origin. */
  readonly VITE_BACKEND_URL?: string
}
