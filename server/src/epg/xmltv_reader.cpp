// The streaming XMLTV reader, on libxml2's xmlTextReader.
#include <libxml/xmlreader.h>

#include <cctype>
#include <memory>

#include "epg/xmltv.hpp"

namespace kinora::epg::xmltv {

namespace {

// No network, no DTD loading, no entity substitution (XML_PARSE_NOENT stays off), and
// libxml2's own size limits kept (no XML_PARSE_HUGE). RECOVER stays off: an error ends it.
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

struct reader_deleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};
using reader_ptr = std::unique_ptr<xmlTextReader, reader_deleter>;

struct parse_state {
  std::string first_error;
  int error_line = 0;
};

void on_error(void* arg, xmlErrorPtr e) {
  auto* st = static_cast<parse_state*>(arg);
  if (!e || e->level < XML_ERR_ERROR || !st->first_error.empty()) return;
  // An undefined entity in a document whose DTD is not loaded is a validity error, not
  // a well-formedness one: the reference is dropped (real guides write &nbsp;).
  if (e->code == XML_WAR_UNDECLARED_ENTITY || e->code == XML_ERR_UNDECLARED_ENTITY) return;
  st->first_error = e->message ? e->message : "malformed XML";
  for (auto& c : st->first_error)
    if (c == '\n' || c == '\r') c = ' ';
  while (!st->first_error.empty() &&
         std::isspace(static_cast<unsigned char>(st->first_error.back())))
    st->first_error.pop_back();
  st->error_line = e->line;
}

std::string text_of(const xmlChar* s) {
  return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

std::string attribute(xmlTextReader* r, const char* name) {
  xmlChar* v = xmlTextReaderGetAttribute(r, reinterpret_cast<const xmlChar*>(name));
  std::string out = text_of(v);
  xmlFree(v);
  return out;
}

std::string trim(std::string s) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

class document {
 public:
  document(reader_ptr r, const handlers& h) : r_(std::move(r)), h_(h) {
    xmlTextReaderSetStructuredErrorHandler(r_.get(), on_error, &state_);
  }

  status run() {
    while (true) {
      const int rc = xmlTextReaderRead(r_.get());
      if (rc == 0) break;
      if (rc < 0 || !state_.first_error.empty()) return failure("malformed XML");
      if (!error_.empty()) return failure(error_);
      step();
      if (!error_.empty()) return failure(error_);
    }
    if (!state_.first_error.empty()) return failure("malformed XML");
    if (!seen_tv_) return failure("the document is not XMLTV: its root is not <tv>");
    return ok();
  }

 private:
  int line() const {
    if (state_.error_line > 0) return state_.error_line;
    return xmlTextReaderGetParserLineNumber(r_.get());
  }

  error failure(const std::string& fallback) {
    const int at = line();
    const std::string message = state_.first_error.empty() ? fallback : state_.first_error;
    error e = fail(errc::validation, "XMLTV line " + std::to_string(at) + ": " + message + ".",
                   "invalid-xmltv");
    e.extensions.push_back({"line", static_cast<long long>(at)});
    return e;
  }

  // One node: tracks the element path and collects the fields of channels and programmes.
  void step() {
    auto* r = r_.get();
    const int type = xmlTextReaderNodeType(r);
    const int depth = xmlTextReaderDepth(r);
    switch (type) {
      case XML_READER_TYPE_DOCUMENT_TYPE: {
        // Entities are never expanded: a document that declares any is refused whole.
        const xmlDoc* doc = xmlTextReaderCurrentDoc(r);
        if (doc && doc->intSubset && doc->intSubset->entities)
          error_ = "the document declares entities, which are not accepted";
        return;
      }
      case XML_READER_TYPE_ENTITY_REFERENCE:
        if (text_of(xmlTextReaderConstName(r)) == "nbsp") text_ += "\xC2\xA0";
        return;
      case XML_READER_TYPE_ELEMENT:
        element(text_of(xmlTextReaderConstLocalName(r)), depth, xmlTextReaderIsEmptyElement(r));
        return;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      case XML_READER_TYPE_CDATA: {
        const xmlChar* v = xmlTextReaderConstValue(r);
        const std::size_t n = v ? static_cast<std::size_t>(xmlStrlen(v)) : 0;
        if (n > max_text_bytes || text_.size() + n > max_text_bytes) {
          error_ = "a text node exceeds " + std::to_string(max_text_bytes) + " bytes";
          return;
        }
        if (in_field_) text_.append(reinterpret_cast<const char*>(v), n);
        return;
      }
      case XML_READER_TYPE_END_ELEMENT:
        end_element(text_of(xmlTextReaderConstLocalName(r)), depth);
        return;
      default:
        return;
    }
  }

  void element(const std::string& name, int depth, bool empty) {
    if (depth == 0) {
      if (name != "tv") error_ = "the document is not XMLTV: its root is <" + name + ">";
      seen_tv_ = true;
      return;
    }
    if (depth == 1 && name == "channel") {
      in_channel_ = true;
      ch_ = {};
      ch_.id = trim(attribute(r_.get(), "id"));
      if (empty) end_element(name, depth);
      return;
    }
    if (depth == 1 && name == "programme") {
      in_programme_ = true;
      p_ = {};
      rating_value_.clear();
      p_.channel = trim(attribute(r_.get(), "channel"));
      const auto start = attribute(r_.get(), "start");
      const auto stop = attribute(r_.get(), "stop");
      const auto s = parse_time(start);
      if (!s) {
        error_ = "programme start '" + start + "' is not an XMLTV time";
        return;
      }
      p_.start = *s;
      if (!stop.empty()) {
        p_.stop = parse_time(stop);
        if (!p_.stop) error_ = "programme stop '" + stop + "' is not an XMLTV time";
      }
      if (empty) end_element(name, depth);
      return;
    }
    if (in_channel_ && depth == 2) {
      if (name == "icon" && !ch_.icon) ch_.icon = attribute(r_.get(), "src");
      start_field(name, empty);
      return;
    }
    if (in_programme_ && depth == 2) {
      if (name == "episode-num") system_ = attribute(r_.get(), "system");
      if (name == "rating") p_.rating_system = attribute(r_.get(), "system");
      start_field(name, empty);
      return;
    }
    if (in_programme_ && depth == 3 && field_ == "rating" && name == "value") {
      in_field_ = true;
      text_.clear();
    }
  }

  void start_field(const std::string& name, bool empty) {
    field_ = name;
    text_.clear();
    in_field_ = !empty && name != "rating";
    if (empty) field_.clear();
  }

  void end_element(const std::string& name, int depth) {
    if (depth == 1 && in_channel_ && name == "channel") {
      in_channel_ = false;
      if (h_.on_channel) h_.on_channel(std::move(ch_));
      return;
    }
    if (depth == 1 && in_programme_ && name == "programme") {
      in_programme_ = false;
      if (p_.rating.empty()) p_.rating = rating_value_;
      if (h_.on_programme) h_.on_programme(std::move(p_));
      return;
    }
    if (depth == 3 && field_ == "rating" && name == "value") {
      if (rating_value_.empty()) rating_value_ = trim(text_);
      in_field_ = false;
      return;
    }
    if (depth != 2) return;
    auto value = trim(std::move(text_));
    text_.clear();
    in_field_ = false;
    if (in_channel_) {
      if (name == "display-name" && !value.empty()) ch_.names.push_back(std::move(value));
    } else if (in_programme_) {
      if (name == "title" && p_.title.empty())
        p_.title = std::move(value);
      else if (name == "sub-title" && !p_.subtitle)
        p_.subtitle = std::move(value);
      else if (name == "desc" && p_.description.empty())
        p_.description = std::move(value);
      else if (name == "category" && p_.category.empty())
        p_.category = std::move(value);
      else if (name == "episode-num") {
        if (system_ == "xmltv_ns")
          parse_xmltv_ns(value, p_.season, p_.episode);
        else if (system_ == "onscreen" && !p_.season && !p_.episode)
          parse_onscreen(value, p_.season, p_.episode);
      }
    }
    field_.clear();
  }

  reader_ptr r_;
  const handlers& h_;
  parse_state state_;
  std::string error_;
  bool seen_tv_ = false;
  bool in_channel_ = false, in_programme_ = false, in_field_ = false;
  std::string field_, text_, system_, rating_value_;
  channel ch_;
  programme p_;
};

}  // namespace

status read_file(const std::string& path, const handlers& h) {
  reader_ptr r(xmlReaderForFile(path.c_str(), nullptr, parse_options));
  if (!r) return fail(errc::validation, "Cannot open " + path + ".", "invalid-xmltv");
  return document(std::move(r), h).run();
}

status read_memory(std::string_view text, const handlers& h) {
  reader_ptr r(xmlReaderForMemory(text.data(), static_cast<int>(text.size()), "upload.xml", nullptr,
                                  parse_options));
  if (!r) return fail(errc::validation, "The document cannot be read.", "invalid-xmltv");
  return document(std::move(r), h).run();
}

}  // namespace kinora::epg::xmltv
