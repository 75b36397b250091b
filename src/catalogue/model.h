// The catalogue's content: organisations, services, life events,
// countries and the post network.
// Thread-safety: value types; a published Content snapshot is immutable.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/lang.h"

namespace loket::catalogue {

// A list of short texts in both languages (e.g. documents to bring).
struct TextList {
  std::vector<std::string> nl;
  std::vector<std::string> en;
  const std::vector<std::string>& In(Lang lang) const {
    return lang == Lang::kEn && !en.empty() ? en : nl;
  }
  bool operator==(const TextList&) const = default;
};

struct Organisation {
  std::string id;
  std::string abbreviation;
  Text name;
  Text description;
  std::string website;
  bool operator==(const Organisation&) const = default;
};

struct Service {
  std::string id;
  std::string organisation_id;
  Text title;
  Text summary;
  Text audience;
  TextList needs;
  Text cost;
  Text duration;
  std::vector<std::string> channels;  // online, post-counter, by-post, video-call, phone, in-netherlands
  Text how;  // paragraphs separated by a blank line
  std::string referral_url;
  Text referral_label;
  std::string counter_service;  // counter service a post must offer, or empty
  TextList keywords;
  int popularity = 0;
  bool published = true;
  bool operator==(const Service&) const = default;
};

struct LifeEventStep {
  std::string service_id;
  Text note;
  bool operator==(const LifeEventStep&) const = default;
};

struct LifeEvent {
  std::string id;
  Text title;
  Text summary;
  std::vector<LifeEventStep> steps;
  int position = 0;  // order on the home page
  bool operator==(const LifeEvent&) const = default;
};

struct Country {
  std::string code;  // ISO 3166-1 alpha-2
  Text name;
  bool operator==(const Country&) const = default;
};

struct OpeningHours {
  std::string days;   // "mon-fri", "mon", "sat-sun"
  std::string open;   // "09:00", local time at the post
  std::string close;  // "12:30"
  bool operator==(const OpeningHours&) const = default;
};

struct Post {
  std::string id;
  std::string type;  // embassy, consulate-general, permanent-representation, honorary-consul, nbso
  std::string country_code;
  Text city;
  Text name;
  std::string address;
  std::string timezone;  // IANA name
  std::string phone;
  std::string email;
  std::vector<OpeningHours> hours;
  std::vector<std::string> counter_services;
  bool operator==(const Post&) const = default;
};

// Everything the public catalogue holds, as loaded from data/ or the
// database. Vectors are in display order.
struct Content {
  std::vector<Organisation> organisations;
  std::vector<Service> services;
  std::vector<LifeEvent> life_events;
  std::vector<Country> countries;
  std::vector<Post> posts;
};

}  // namespace loket::catalogue
