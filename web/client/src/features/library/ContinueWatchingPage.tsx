export default function ContinueWatchingPage() {
  return <p className="p-8">ContinueWatchingPage is being built.</p>;
}
