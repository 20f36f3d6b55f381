export default function WhoIsWatchingPage() {
  return <p className="p-8">WhoIsWatchingPage is being built.</p>;
}
