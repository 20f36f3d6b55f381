#include <ctime>

#include "core/markup.hpp"
#include "epg/xmltv.hpp"

namespace kinora::epg::xmltv {

namespace {

// Text and attribute values; control characters XML 1.0 forbids are dropped.
using markup::escape;

}  // namespace

std::string format_time(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S +0000", &tm);
  return buf;
}

writer::writer(std::ostream& out) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n"
          "<tv generator-info-name=\"Kinora\" "
          "generator-info-url=\"https://github.com/kinora\">\n";
}

void writer::channel(const xmltv::channel& ch) {
  out_ << "  <channel id=\"" << escape(ch.id) << "\">\n";
  for (const auto& name : ch.names)
    out_ << "    <display-name>" << escape(name) << "</display-name>\n";
  if (ch.icon) out_ << "    <icon src=\"" << escape(*ch.icon) << "\"/>\n";
  out_ << "  </channel>\n";
}

void writer::programme(const xmltv::programme& p) {
  out_ << "  <programme start=\"" << format_time(p.start) << "\"";
  if (p.stop) out_ << " stop=\"" << format_time(*p.stop) << "\"";
  out_ << " channel=\"" << escape(p.channel) << "\">\n";
  out_ << "    <title>" << escape(p.title) << "</title>\n";
  if (p.subtitle && !p.subtitle->empty())
    out_ << "    <sub-title>" << escape(*p.subtitle) << "</sub-title>\n";
  if (!p.description.empty()) out_ << "    <desc>" << escape(p.description) << "</desc>\n";
  if (!p.category.empty()) out_ << "    <category>" << escape(p.category) << "</category>\n";
  if (p.season || p.episode) {
    const auto part = [](const std::optional<std::int64_t>& n) {
      return n && *n > 0 ? std::to_string(*n - 1) : std::string();
    };
    out_ << "    <episode-num system=\"xmltv_ns\">" << part(p.season) << "." << part(p.episode)
         << ".</episode-num>\n";
    std::string onscreen;
    if (p.season) onscreen += "S" + std::to_string(*p.season);
    if (p.episode) onscreen += "E" + std::to_string(*p.episode);
    out_ << "    <episode-num system=\"onscreen\">" << onscreen << "</episode-num>\n";
  }
  if (!p.rating.empty()) {
    out_ << "    <rating";
    if (!p.rating_system.empty()) out_ << " system=\"" << escape(p.rating_system) << "\"";
    out_ << ">\n      <value>" << escape(p.rating) << "</value>\n    </rating>\n";
  }
  out_ << "  </programme>\n";
}

void writer::finish() {
  out_ << "</tv>\n";
}

}  // namespace kinora::epg::xmltv
