import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600">Your role in this team does not allow this page. Ask a team admin if you need access.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
        Back to projects
      </Link>
    </main>
  );
}
