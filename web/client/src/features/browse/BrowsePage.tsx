export default function BrowsePage() {
  return <p className="p-8">BrowsePage is being built.</p>;
}
