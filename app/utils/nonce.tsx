import { createContext, useContext } from "react";

// The CSP nonce of this response (server.mjs makes one per request and passes it in the load context): the
// inline scripts Remix renders carry it, so the Content Security Policy can refuse every other inline script.
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
