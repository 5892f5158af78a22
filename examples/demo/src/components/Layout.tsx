import { useGetIdentity } from "@refinedev/core";
import { NavLink, Outlet } from "react-router";

/** The app's shell: a header with the sections and the signed-in user, then the page. */
export function Layout() {
  const { data: user } = useGetIdentity<{ name: string }>();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          Northwind Home <small>refine-audit-trail demo</small>
        </span>
        <nav aria-label="Sections">
          <NavLink to="/products">Products</NavLink>
          <NavLink to="/categories">Categories</NavLink>
          <NavLink to="/history">History</NavLink>
        </nav>
        <span className="user">{user ? `Signed in as ${user.name}` : ""}</span>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </div>
  );
}
