// Hash-history routes; every page but sign-in needs a token, and any 401 sends the user back to sign-in.
import { createRouter, createWebHashHistory } from 'vue-router';
import { onUnauthorized } from './api.js';
import { loadUser, session, signOut } from './session.js';
import SignInPage from './pages/SignInPage.vue';
import ServicesPage from './pages/ServicesPage.vue';
import ServicePage from './pages/ServicePage.vue';
import ReleasesPage from './pages/ReleasesPage.vue';
import ReleasePage from './pages/ReleasePage.vue';
import IncidentsPage from './pages/IncidentsPage.vue';
import IncidentsDetailPage from './pages/IncidentsDetailPage.vue';

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/services' },
    { path: '/signin', name: 'signin', component: SignInPage, meta: { public: true } },
    { path: '/services', name: 'services', component: ServicesPage },
    { path: '/services/:name', name: 'service', component: ServicePage, props: true },
    { path: '/releases', name: 'releases', component: ReleasesPage },
    { path: '/releases/:id', name: 'release', component: ReleasePage, props: true },
    { path: '/incidents', name: 'incidents', component: IncidentsPage },
    { path: '/incidents/:id', name: 'incident', component: IncidentsDetailPage, props: true },
    { path: '/:pathMatch(.*)*', redirect: '/services' },
  ],
});

function toSignIn(next) {
  const query = next && next !== '/' && !next.startsWith('/signin') ? { next } : {};
  return { name: 'signin', query };
}

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!session.token) return toSignIn(to.fullPath);
  if (!session.user) {
    try {
      await loadUser();
    } catch (e) {
      if (e.status === 401) return toSignIn(to.fullPath);
      // Server unreachable or failing: let the page show its own error.
    }
  }
  return true;
});

onUnauthorized(() => {
  const current = router.currentRoute.value;
  signOut({ expired: true });
  if (!current.meta.public) router.replace(toSignIn(current.fullPath));
});

export default router;
