// Signed-in state shared by the header, the router guard and the sign-in page.
import { reactive } from 'vue';
import { clearToken, getMe, getToken, setToken } from './api.js';

export const session = reactive({
  token: getToken(),
  user: null, // {name, role} once /api/me answered
  expired: false, // true after an API call answered 401
});

/** Checks a token with GET /api/me and, when valid, stores it. Throws ApiError otherwise. */
export async function signIn(token) {
  const user = await getMe(token);
  setToken(token);
  session.token = token;
  session.user = user;
  session.expired = false;
  return user;
}

/** Loads the user of the stored token; on 401 signs out (marked expired) and rethrows. */
export async function loadUser() {
  try {
    session.user = await getMe(session.token);
  } catch (e) {
    if (e.status === 401) signOut({ expired: true });
    throw e;
  }
  return session.user;
}

export function signOut({ expired = false } = {}) {
  clearToken();
  session.token = '';
  session.user = null;
  session.expired = expired;
}
