package com.optimalworkforce.testkit.internal;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.BehaviourProfiles;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The generated base data of a synthetic agency. Clients, caregivers and unavailability are
 * materialized; visits, offers and call-outs are computed on demand from a weekly care plan, so
 * millions of visits cost no memory. Not API: use {@code SyntheticAgency}.
 */
public final class AgencyModel {
  // Stream ids for Rng, so each kind of decision has its own independent sequence.
  private static final int S_CAREGIVER = 1;
  private static final int S_CLIENT = 2;
  private static final int S_PLAN = 3;
  private static final int S_VISIT = 4;
  private static final int S_OFFER = 5;
  private static final int S_UNAVAIL = 6;
  private static final int S_PREF = 7;

  static final int SLOTS_PER_DAY = 48;
  static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;

  /** Behaviour tags on plan items; the profiles the rules and the scorer must find. */
  static final int TAG_NONE = 0;
  static final int TAG_MONDAY_CALLOUT = 1;
  static final int TAG_EMMA_SATURDAY = 2;
  static final int TAG_FRIDAY_OPEN = 3;
  static final int TAG_SATURDAY_OPEN = 4;
  static final int TAG_LAST_MINUTE = 5;

  /** One recurring weekly visit of a client. */
  static final class Item {
    final int client;
    final DayOfWeek day;
    final int startMinute;
    final int minutes;
    final String service;
    final Set<String> skills;
    final int caregiver;
    final int startWeek;
    final int tag;
    int fixtureWeek = -1;
    int lastPastWeek = -1;

    Item(int client, DayOfWeek day, int startMinute, int minutes, String service, Set<String> skills,
        int caregiver, int startWeek, int tag) {
      this.client = client;
      this.day = day;
      this.startMinute = startMinute;
      this.minutes = minutes;
      this.service = service;
      this.skills = skills;
      this.caregiver = caregiver;
      this.startWeek = startWeek;
      this.tag = tag;
    }
  }

  /** Everything one visit index implies: the visit, its offers, its call-out. */
  public record Fate(Visit visit, List<ShiftOffer> offers, CallOut callOut) {}

  private final long seed;
  private final Instant now;
  private final int weeks;
  private final int currentWeek;
  private final LocalDate week0Monday;
  private final List<Region> regions;
  private final List<Places.Place> places;
  private final Client[] clients;
  private final int[] clientRegion;
  private final Caregiver[] caregivers;
  private final int[] caregiverRegion;
  private final int[][] caregiversByRegion;
  private final boolean[] profileCaregiver;
  private final double[] acceptBase;
  private final int[] favouriteSlot;
  private final int[] dislikedSlot;
  private final double[] weekendBias;
  private final Item[] items;
  private final long[] weekOffsets;
  private final List<Unavailability> unavailabilities;
  private final BehaviourProfiles profiles;
  private final int[] profileIdx;
  private final double offerRate;
  private final double openRate;

  private AgencyModel(Spec spec) {
    this.seed = spec.seed;
    this.now = spec.now;
    this.offerRate = spec.offerRate;
    this.openRate = spec.openRate;
    this.places = choosePlaces(spec.regions, spec.usRegions);
    this.regions = new ArrayList<>();
    for (Places.Place p : places) {
      regions.add(Region.of(p.id(), p.name(), p.zone()));
    }
    ZoneId zone0 = places.get(0).zone();
    LocalDate currentMonday = now.atZone(zone0).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    this.weeks = spec.weeksOfHistory + 1 + spec.weeksAhead;
    this.currentWeek = spec.weeksOfHistory;
    this.week0Monday = currentMonday.minusWeeks(spec.weeksOfHistory);

    int r = places.size();
    // Caregivers, round-robin over regions: region k holds indices k, k+r, k+2r, ...
    caregivers = new Caregiver[spec.caregivers];
    caregiverRegion = new int[spec.caregivers];
    acceptBase = new double[spec.caregivers];
    favouriteSlot = new int[spec.caregivers];
    dislikedSlot = new int[spec.caregivers];
    weekendBias = new double[spec.caregivers];
    profileCaregiver = new boolean[spec.caregivers];
    double[] capacityHours = new double[spec.caregivers];
    List<List<Integer>> byRegion = new ArrayList<>();
    for (int k = 0; k < r; k++) {
      byRegion.add(new ArrayList<>());
    }
    String[] profileNames = {"Maria", "John", "Emma", "Sarah", "Daniel", "Tom", "Lisa", "Rachel", "Mike"};
    int profileCount = spec.profiles ? profileNames.length : 0;
    profileIdx = new int[profileNames.length];
    Arrays.fill(profileIdx, -1);
    for (int i = 0; i < spec.caregivers; i++) {
      SplittableRandom rnd = Rng.of(seed, S_CAREGIVER, i);
      int region = i % r;
      caregiverRegion[i] = region;
      byRegion.get(region).add(i);
      int ordinalInRegion = i / r;
      String given = Places.GIVEN.get(rnd.nextInt(Places.GIVEN.size()));
      if (region == 0 && ordinalInRegion < profileCount) {
        given = profileNames[ordinalInRegion];
        profileIdx[ordinalInRegion] = i;
        profileCaregiver[i] = true;
      }
      String family = Places.FAMILY.get(rnd.nextInt(Places.FAMILY.size()));
      Set<String> skills = new HashSet<>();
      skills.add("PSW");
      if (rnd.nextDouble() < 0.25) {
        skills.add("DEMENTIA");
      }
      if (rnd.nextDouble() < 0.15) {
        skills.add("LIFT");
      }
      double q = rnd.nextDouble();
      if (q < 0.10) {
        skills.add("RN");
      } else if (q < 0.20) {
        skills.add("LPN");
      }
      // Profile caregivers and the two regulars whose shifts open up are always active.
      boolean active = (region == 0 && ordinalInRegion < profileCount + 2) || rnd.nextDouble() >= 0.03;
      Places.Place place = places.get(region);
      caregivers[i] = Caregiver.builder()
          .id(caregiverId(i)).regionId(place.id()).name(PersonName.of(given, family))
          .postalCode(postalCode(place, rnd, 0)).home(near(place, rnd)).active(active).skills(skills)
          .build();
      capacityHours[i] = active ? 20 + rnd.nextInt(21) : 0;
      acceptBase[i] = -0.4 + rnd.nextGaussian() * 0.9;
      favouriteSlot[i] = rnd.nextInt(28); // 7 days x 4 bands
      dislikedSlot[i] = rnd.nextInt(28);
      weekendBias[i] = rnd.nextGaussian() * 0.7;
    }
    caregiversByRegion = new int[r][];
    for (int k = 0; k < r; k++) {
      caregiversByRegion[k] = byRegion.get(k).stream().mapToInt(Integer::intValue).toArray();
    }
    if (spec.profiles) {
      // Known behaviour: backups accept a lot, Emma likes weekends.
      acceptBase[profileIdx[6]] = 1.6;
      acceptBase[profileIdx[7]] = 1.3;
      acceptBase[profileIdx[8]] = 1.0;
      weekendBias[profileIdx[2]] = 2.0;
    }

    // Clients, round-robin over regions.
    clients = new Client[spec.clients];
    clientRegion = new int[spec.clients];
    int[] startWeek = new int[spec.clients];
    for (int i = 0; i < spec.clients; i++) {
      SplittableRandom rnd = Rng.of(seed, S_CLIENT, i);
      int region = i % r;
      clientRegion[i] = region;
      Places.Place place = places.get(region);
      String[] prefixes = {"Mr.", "Mrs.", "Ms."};
      String prefix = prefixes[rnd.nextInt(prefixes.length)];
      String given = Places.GIVEN.get(rnd.nextInt(Places.GIVEN.size()));
      String family = Places.FAMILY.get(rnd.nextInt(Places.FAMILY.size()));
      boolean active = rnd.nextDouble() >= 0.05;
      if (spec.profiles && i == 0) {
        prefix = "Mrs.";
        given = "Ruth";
        family = "Anderson";
        active = true;
      } else if (spec.profiles && i == r) {
        prefix = "Mr.";
        given = "George";
        family = "Davis";
        active = true;
      }
      Set<String> blocked = Set.of();
      int[] pool = caregiversByRegion[region];
      boolean named = spec.profiles && (i == 0 || i == r);
      if (!named && rnd.nextDouble() < 0.03 && pool.length > profileCount + 1) {
        int c = pool[profileCount + rnd.nextInt(pool.length - profileCount)];
        blocked = Set.of(caregiverId(c));
      }
      int number = 1 + rnd.nextInt(998);
      String street = Places.STREETS.get(rnd.nextInt(Places.STREETS.size())) + " "
          + Places.STREET_KINDS.get(rnd.nextInt(Places.STREET_KINDS.size()));
      clients[i] = Client.builder()
          .id(clientId(i)).regionId(place.id()).name(PersonName.of(given, family, prefix))
          .postalCode(postalCode(place, rnd, spec.malformedPostalCodeShare))
          .address(number + " " + street).location(near(place, rnd)).active(active)
          .blockedCaregiverIds(blocked)
          .build();
      boolean fixture = spec.profiles && (i == 0 || i == r || (region == 0 && i / r < 12));
      startWeek[i] = fixture || rnd.nextDouble() < 0.88 ? 0 : 1 + rnd.nextInt(Math.max(1, weeks - 1));
    }

    // Weekly care plan.
    BitSet[] busy = new BitSet[spec.caregivers];
    for (int i = 0; i < busy.length; i++) {
      busy[i] = new BitSet(SLOTS_PER_WEEK);
    }
    double[] loadHours = new double[spec.caregivers];
    List<Item> plan = new ArrayList<>();
    if (spec.profiles) {
      addProfileItems(plan, busy, loadHours);
    }
    for (int c = 0; c < spec.clients; c++) {
      if (!clients[c].active()) {
        continue;
      }
      SplittableRandom rnd = Rng.of(seed, S_PLAN, c);
      int k = visitsPerWeek(rnd);
      List<DayOfWeek> days = new ArrayList<>(List.of(DayOfWeek.values()));
      for (int j = 0; j < k; j++) {
        DayOfWeek day = days.remove(rnd.nextInt(days.size()));
        boolean overnight = rnd.nextDouble() < 0.03;
        int startMinute = overnight ? 22 * 60 : 7 * 60 + 30 * rnd.nextInt(27);
        int minutes = overnight ? 480 : duration(rnd);
        String service = service(rnd);
        Set<String> skills = switch (service) {
          case "RN" -> Set.of("RN");
          case "LPN" -> Set.of("LPN");
          default -> rnd.nextDouble() < 0.10 ? Set.of("DEMENTIA") : Set.of();
        };
        int cg = pickCaregiver(clientRegion[c], clients[c], day, startMinute, minutes, skills, busy, loadHours,
            capacityHours, rnd);
        plan.add(new Item(c, day, startMinute, minutes, service, skills, cg, startWeek[c], TAG_NONE));
      }
    }
    plan.sort(Comparator.comparingInt(it -> it.startWeek)); // stable: equal start weeks keep their order
    items = plan.toArray(new Item[0]);
    weekOffsets = new long[weeks + 1];
    int active = 0;
    for (int w = 0; w < weeks; w++) {
      while (active < items.length && items[active].startWeek <= w) {
        active++;
      }
      weekOffsets[w + 1] = weekOffsets[w] + active;
    }
    for (Item it : items) {
      locateFixtureWeeks(it);
    }
    unavailabilities = buildUnavailability(busy, spec.profiles);
    profiles = spec.profiles ? buildProfiles() : null;
  }

  /** Inputs of the generator. */
  public record Spec(long seed, Instant now, int regions, int usRegions, int clients, int caregivers,
      int weeksOfHistory, int weeksAhead, boolean profiles, double malformedPostalCodeShare,
      double offerRate, double openRate) {}

  public static AgencyModel generate(Spec spec) {
    return new AgencyModel(spec);
  }

  private static List<Places.Place> choosePlaces(int count, int usCount) {
    List<Places.Place> out = new ArrayList<>();
    int ca = count - usCount;
    for (int i = 0; i < ca; i++) {
      out.add(variant(Places.CANADA, i));
    }
    for (int i = 0; i < usCount; i++) {
      out.add(variant(Places.US, i));
    }
    return out;
  }

  private static Places.Place variant(List<Places.Place> list, int i) {
    Places.Place base = list.get(i % list.size());
    int round = i / list.size();
    if (round == 0) {
      return base;
    }
    return new Places.Place(base.id() + "-" + (round + 1), base.name() + " " + (round + 1), base.zone(), base.us(),
        base.prefixes(), base.lat(), base.lon());
  }

  public static String clientId(int i) {
    return "C" + (10001 + i);
  }

  public static String caregiverId(int i) {
    return "E" + (5001 + i);
  }

  public static String visitId(long index) {
    return "V" + index;
  }

  /** Parses the index out of a visit id made here, or -1. */
  public static long visitIndex(String id) {
    if (id == null || id.length() < 2 || id.charAt(0) != 'V') {
      return -1;
    }
    try {
      return Long.parseLong(id, 1, id.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String postalCode(Places.Place place, SplittableRandom rnd, double malformedShare) {
    if (malformedShare > 0 && rnd.nextDouble() < malformedShare) {
      String[] bad = {null, "", "UNKNOWN", "M4A1B", "D1A 1A1", "12", "ABC-123"};
      return bad[rnd.nextInt(bad.length)];
    }
    String prefix = place.prefixes().get(rnd.nextInt(place.prefixes().size()));
    if (place.us()) {
      String zip = prefix + String.format("%02d", rnd.nextInt(100));
      return rnd.nextDouble() < 0.3 ? zip + "-" + String.format("%04d", rnd.nextInt(10000)) : zip;
    }
    String letters = Places.LDU_LETTERS;
    return prefix + " " + rnd.nextInt(10) + letters.charAt(rnd.nextInt(letters.length())) + rnd.nextInt(10);
  }

  private static GeoPoint near(Places.Place place, SplittableRandom rnd) {
    return GeoPoint.of(place.lat() + (rnd.nextDouble() - 0.5) * 0.2, place.lon() + (rnd.nextDouble() - 0.5) * 0.3);
  }

  private static int visitsPerWeek(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double[] cumulative = {0.10, 0.30, 0.55, 0.75, 0.87, 0.95, 1.0};
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i + 1;
      }
    }
    return 7;
  }

  private static int duration(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    if (u < 0.20) {
      return 60;
    } else if (u < 0.35) {
      return 90;
    } else if (u < 0.65) {
      return 120;
    } else if (u < 0.80) {
      return 180;
    } else if (u < 0.95) {
      return 240;
    }
    return 480;
  }

  private static String service(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    if (u < 0.60) {
      return "PSW";
    } else if (u < 0.80) {
      return "HM";
    } else if (u < 0.88) {
      return "RESP";
    } else if (u < 0.95) {
      return "LPN";
    }
    return "RN";
  }

  private static int firstSlot(DayOfWeek day, int startMinute) {
    return (day.getValue() - 1) * SLOTS_PER_DAY + startMinute / 30;
  }

  private static int slotCount(int minutes) {
    return (minutes + 29) / 30;
  }

  private static boolean free(BitSet busy, DayOfWeek day, int startMinute, int minutes) {
    int first = firstSlot(day, startMinute);
    for (int s = 0; s < slotCount(minutes); s++) {
      if (busy.get((first + s) % SLOTS_PER_WEEK)) {
        return false;
      }
    }
    return true;
  }

  private static void occupy(BitSet busy, DayOfWeek day, int startMinute, int minutes) {
    int first = firstSlot(day, startMinute);
    for (int s = 0; s < slotCount(minutes); s++) {
      busy.set((first + s) % SLOTS_PER_WEEK);
    }
  }

  private int pickCaregiver(int region, Client client, DayOfWeek day, int startMinute, int minutes, Set<String> skills,
      BitSet[] busy, double[] load, double[] capacity, SplittableRandom rnd) {
    int[] pool = caregiversByRegion[region];
    if (pool.length == 0) {
      return -1;
    }
    double hours = minutes / 60.0;
    int best = -1;
    // Power of a few random choices, then a scan from a random offset: balanced and fast.
    for (int attempt = 0; attempt < 12 + pool.length && best < 0; attempt++) {
      int cg = attempt < 12 ? pool[rnd.nextInt(pool.length)] : pool[(attempt - 12 + rnd.nextInt(pool.length)) % pool.length];
      if (profileCaregiver[cg] || !caregivers[cg].active() || load[cg] + hours > capacity[cg]
          || !caregivers[cg].skills().containsAll(skills)
          || client.blockedCaregiverIds().contains(caregivers[cg].id())
          || !free(busy[cg], day, startMinute, minutes)) {
        continue;
      }
      best = cg;
    }
    if (best >= 0) {
      occupy(busy[best], day, startMinute, minutes);
      load[best] += hours;
    }
    return best;
  }

  private void addProfileItems(List<Item> plan, BitSet[] busy, double[] load) {
    int r = places.size();
    int maria = profileIdx[0];
    int john = profileIdx[1];
    int emma = profileIdx[2];
    int sarah = profileIdx[3];
    int daniel = profileIdx[4];
    int tom = profileIdx[5];
    int lisa = profileIdx[6];
    int rachel = profileIdx[7];
    int mike = profileIdx[8];
    int anderson = 0;
    int davis = r;
    // Region-0 clients other than the two named ones, used round-robin for profile shifts.
    int[] next = {0};
    java.util.function.IntSupplier client = () -> (2 + (next[0]++ % 10)) * r;
    java.util.function.Consumer<Item> add = it -> {
      plan.add(it);
      if (it.caregiver >= 0) {
        occupy(busy[it.caregiver], it.day, it.startMinute, it.minutes);
        load[it.caregiver] += it.minutes / 60.0;
      }
    };
    // John: 42 scheduled hours a week, close to a 45-hour overtime threshold.
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
      add.accept(new Item(client.getAsInt(), d, 8 * 60, 480, "PSW", Set.of(), john, 0, TAG_NONE));
    }
    add.accept(new Item(client.getAsInt(), DayOfWeek.THURSDAY, 9 * 60, 360, "PSW", Set.of(), john, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.THURSDAY, 17 * 60, 240, "PSW", Set.of(), john, 0, TAG_NONE));
    // Maria: calls out of her Monday shifts lately.
    add.accept(new Item(client.getAsInt(), DayOfWeek.MONDAY, 9 * 60, 180, "PSW", Set.of(), maria, 0, TAG_MONDAY_CALLOUT));
    add.accept(new Item(client.getAsInt(), DayOfWeek.MONDAY, 13 * 60, 180, "PSW", Set.of(), maria, 0, TAG_MONDAY_CALLOUT));
    add.accept(new Item(client.getAsInt(), DayOfWeek.WEDNESDAY, 9 * 60, 240, "PSW", Set.of(), maria, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.FRIDAY, 10 * 60, 240, "PSW", Set.of(), maria, 0, TAG_NONE));
    // Emma: the Saturday regular, and a Sunday visit with Mrs. Anderson.
    add.accept(new Item(client.getAsInt(), DayOfWeek.SATURDAY, 12 * 60, 240, "PSW", Set.of(), emma, 0, TAG_EMMA_SATURDAY));
    add.accept(new Item(anderson, DayOfWeek.SUNDAY, 12 * 60, 180, "PSW", Set.of(), emma, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.TUESDAY, 9 * 60, 240, "PSW", Set.of(), emma, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.THURSDAY, 9 * 60, 240, "PSW", Set.of(), emma, 0, TAG_NONE));
    // Sarah: mornings early in the week; free on Fridays, when she accepts most offers.
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
      add.accept(new Item(client.getAsInt(), d, 8 * 60, 240, "PSW", Set.of(), sarah, 0, TAG_NONE));
    }
    // Daniel: never works Wednesdays (a recurring day off).
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      add.accept(new Item(client.getAsInt(), d, 8 * 60, 360, "PSW", Set.of(), daniel, 0, TAG_NONE));
    }
    // Tom: late mornings; his Saturday 10 AM with Mr. Davis opens at the last minute.
    for (DayOfWeek d : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      add.accept(new Item(client.getAsInt(), d, 10 * 60, 240, "PSW", Set.of(), tom, 0, TAG_NONE));
    }
    add.accept(new Item(davis, DayOfWeek.SATURDAY, 10 * 60, 240, "PSW", Set.of(), tom, 0, TAG_LAST_MINUTE));
    // Priority backups with light schedules.
    add.accept(new Item(client.getAsInt(), DayOfWeek.MONDAY, 14 * 60, 240, "PSW", Set.of(), lisa, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.WEDNESDAY, 14 * 60, 240, "PSW", Set.of(), lisa, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.TUESDAY, 14 * 60, 240, "PSW", Set.of(), rachel, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.THURSDAY, 14 * 60, 240, "PSW", Set.of(), rachel, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.WEDNESDAY, 7 * 60, 180, "PSW", Set.of(), mike, 0, TAG_NONE));
    add.accept(new Item(client.getAsInt(), DayOfWeek.FRIDAY, 7 * 60, 180, "PSW", Set.of(), mike, 0, TAG_NONE));
    // Two regular shifts that are open in the current week: Friday 2 PM and Saturday 7 AM.
    int regularA = caregiversByRegion[0][profileIdx.length];
    int regularB = caregiversByRegion[0][profileIdx.length + 1];
    add.accept(new Item(client.getAsInt(), DayOfWeek.FRIDAY, 14 * 60, 240, "PSW", Set.of(), regularA, 0, TAG_FRIDAY_OPEN));
    add.accept(new Item(anderson, DayOfWeek.SATURDAY, 7 * 60, 120, "PSW", Set.of(), regularB, 0, TAG_SATURDAY_OPEN));
  }

  private void locateFixtureWeeks(Item it) {
    for (int w = 0; w < weeks; w++) {
      Instant start = start(it, w);
      if (start.isBefore(now)) {
        it.lastPastWeek = w;
      } else if (it.fixtureWeek < 0) {
        it.fixtureWeek = w;
      }
    }
  }

  private List<Unavailability> buildUnavailability(BitSet[] busy, boolean withProfiles) {
    List<Unavailability> out = new ArrayList<>();
    for (int cg = 0; cg < caregivers.length; cg++) {
      ZoneId zone = places.get(caregiverRegion[cg]).zone();
      boolean dayOffPattern = withProfiles && cg == profileIdx[4];
      for (int w = 0; w < weeks; w++) {
        LocalDate monday = week0Monday.plusWeeks(w);
        if (dayOffPattern) {
          LocalDate wed = monday.with(DayOfWeek.WEDNESDAY);
          out.add(new Unavailability("U" + caregivers[cg].id() + "-" + w + "-dayoff", caregivers[cg].id(), zone,
              wed.atStartOfDay(zone).toInstant(), wed.plusDays(1).atStartOfDay(zone).toInstant(), "Day off"));
          continue;
        }
        if (profileCaregiver[cg]) {
          continue;
        }
        SplittableRandom rnd = Rng.of(seed, S_UNAVAIL, (long) cg * 1000 + w);
        if (rnd.nextDouble() >= 0.08) {
          continue;
        }
        // A day off on a day the caregiver has no regular visit, so the data stays consistent.
        List<DayOfWeek> freeDays = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
          int first = (d.getValue() - 1) * SLOTS_PER_DAY;
          if (busy[cg].get(first, first + SLOTS_PER_DAY).isEmpty()) {
            freeDays.add(d);
          }
        }
        if (freeDays.isEmpty()) {
          continue;
        }
        LocalDate day = monday.with(freeDays.get(rnd.nextInt(freeDays.size())));
        String reason = rnd.nextBoolean() ? "Time off" : "Personal appointment";
        out.add(new Unavailability("U" + caregivers[cg].id() + "-" + w, caregivers[cg].id(), zone,
            day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), reason));
      }
    }
    return List.copyOf(out);
  }

  private BehaviourProfiles buildProfiles() {
    String friday = null;
    String saturday = null;
    String lastMinute = null;
    for (int j = 0; j < items.length; j++) {
      Item it = items[j];
      if (it.fixtureWeek < 0) {
        continue;
      }
      long index = weekOffsets[it.fixtureWeek] + j;
      switch (it.tag) {
        case TAG_FRIDAY_OPEN -> friday = visitId(index);
        case TAG_SATURDAY_OPEN -> saturday = visitId(index);
        case TAG_LAST_MINUTE -> lastMinute = visitId(index);
        default -> { }
      }
    }
    return new BehaviourProfiles(caregivers[profileIdx[0]].id(), caregivers[profileIdx[1]].id(), caregivers[profileIdx[2]].id(),
        caregivers[profileIdx[3]].id(), caregivers[profileIdx[4]].id(), caregivers[profileIdx[5]].id(),
        List.of(caregivers[profileIdx[6]].id(), caregivers[profileIdx[7]].id(), caregivers[profileIdx[8]].id()),
        friday, saturday, lastMinute, clients[0].id(), clients[places.size()].id());
  }

  // ---------------------------------------------------------------- accessors

  public List<Region> regions() {
    return List.copyOf(regions);
  }

  public List<Client> clients() {
    return List.of(clients);
  }

  public List<Caregiver> caregivers() {
    return List.of(caregivers);
  }

  public List<Unavailability> unavailabilities() {
    return unavailabilities;
  }

  public BehaviourProfiles profiles() {
    return profiles;
  }

  public Instant now() {
    return now;
  }

  public int weeks() {
    return weeks;
  }

  public int currentWeek() {
    return currentWeek;
  }

  public LocalDate week0Monday() {
    return week0Monday;
  }

  /** Number of visits the plan generates. */
  public long visitCount() {
    return weekOffsets[weeks];
  }

  /** The first visit index of week {@code w} (0 <= w <= weeks). */
  public long weekStart(int w) {
    return weekOffsets[Math.max(0, Math.min(weeks, w))];
  }

  /** Index of the week holding visit {@code index}. */
  public int weekOf(long index) {
    int lo = 0;
    int hi = weeks;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (weekOffsets[mid] <= index) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The region index of a caregiver id made here, or -1. */
  public int caregiverIndex(String id) {
    if (id == null || id.length() < 2 || id.charAt(0) != 'E') {
      return -1;
    }
    try {
      int i = Integer.parseInt(id, 1, id.length(), 10) - 5001;
      return i >= 0 && i < caregivers.length ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Instant start(Item it, int week) {
    ZoneId zone = places.get(clientRegion[it.client]).zone();
    LocalDate date = week0Monday.plusWeeks(week).with(it.day);
    return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(it.startMinute * 60L), zone).toInstant();
  }

  /** Time band of a local hour: 0 night, 1 morning, 2 afternoon, 3 evening. */
  public static int band(int hour) {
    if (hour < 6) {
      return 0;
    } else if (hour < 12) {
      return 1;
    } else if (hour < 17) {
      return 2;
    }
    return 3;
  }

  /** The true probability that caregiver {@code cg} accepts a shift starting at {@code local}. */
  public double acceptanceProbability(int cg, ZonedDateTime local) {
    if (profileIdx[3] >= 0 && cg == profileIdx[3] && local.getDayOfWeek() == DayOfWeek.FRIDAY
        && band(local.getHour()) == 2) {
      return 0.85;
    }
    int slot = (local.getDayOfWeek().getValue() - 1) * 4 + band(local.getHour());
    double logit = acceptBase[cg];
    if (slot == favouriteSlot[cg]) {
      logit += 1.8;
    }
    if (slot == dislikedSlot[cg]) {
      logit -= 1.5;
    }
    if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
      logit += weekendBias[cg];
    }
    return 1 / (1 + Math.exp(-logit));
  }

  // ---------------------------------------------------------------- visits

  /** Generates visit {@code index} with its offers and call-out. */
  public Fate fate(long index) {
    int w = weekOf(index);
    Item it = items[(int) (index - weekOffsets[w])];
    int region = clientRegion[it.client];
    Places.Place place = places.get(region);
    ZoneId zone = place.zone();
    Instant start = start(it, w);
    Instant end = start.plus(Duration.ofMinutes(it.minutes));
    String id = visitId(index);
    Client client = clients[it.client];
    SplittableRandom rnd = Rng.of(seed, S_VISIT, index);
    double u = rnd.nextDouble();
    int cg = it.caregiver;
    VisitStatus status;
    String cancelReason = null;
    CallOut callOut = null;
    List<ShiftOffer> offers = List.of();
    boolean past = !end.isAfter(now);
    boolean future = start.isAfter(now);
    boolean plain = it.tag == TAG_NONE && (cg < 0 || !profileCaregiver[cg]);

    if (it.tag == TAG_MONDAY_CALLOUT && past && w > it.lastPastWeek - 3) {
      status = VisitStatus.CANCELLED;
      cancelReason = "Caregiver call-out: sick";
      callOut = new CallOut("CO" + index, caregivers[cg].id(), id, zone, start,
          start.minus(Duration.ofMinutes(60 + rnd.nextInt(120))), "Sick");
    } else if (it.tag == TAG_EMMA_SATURDAY && past && w == it.lastPastWeek - 3) {
      status = VisitStatus.COMPLETED;
      cg = substitute(region, rnd, cg);
    } else if (it.fixtureWeek == w && it.tag == TAG_FRIDAY_OPEN) {
      status = VisitStatus.OPEN;
      cg = -1;
      offers = openOffers(index, id, zone, start, end, it.service, region, 2);
    } else if (it.fixtureWeek == w && it.tag == TAG_SATURDAY_OPEN) {
      status = VisitStatus.OPEN;
      cg = -1;
    } else if (it.fixtureWeek == w && it.tag == TAG_LAST_MINUTE) {
      status = VisitStatus.OPEN;
      callOut = new CallOut("CO" + index, caregivers[cg].id(), id, zone, start, now.minus(Duration.ofMinutes(45)),
          "Car trouble");
      cg = -1;
    } else if (it.tag == TAG_FRIDAY_OPEN && past) {
      // Every past week this shift was first offered to Sarah, who usually takes it.
      int sarah = profileIdx[3];
      boolean accepted = Rng.unit(seed, S_OFFER, index) < acceptanceProbability(sarah, start.atZone(zone));
      Instant offeredAt = start.minus(Duration.ofHours(20 + rnd.nextInt(30)));
      offers = List.of(offer(index, 0, sarah, zone, start, end, it.service, offeredAt,
          accepted ? OfferOutcome.ACCEPTED : OfferOutcome.DECLINED));
      cg = accepted ? sarah : cg;
      status = VisitStatus.COMPLETED;
    } else if (past) {
      if (plain && u < 0.03) {
        status = VisitStatus.CANCELLED;
        cancelReason = rnd.nextBoolean() ? "Client cancelled: in hospital" : "Client cancelled: family visiting";
      } else if (plain && u < 0.04) {
        status = VisitStatus.MISSED;
      } else if (plain && u < 0.05 && cg >= 0) {
        status = VisitStatus.CANCELLED;
        String[] reasons = {"Sick", "Family emergency", "Car trouble"};
        String reason = reasons[rnd.nextInt(reasons.length)];
        cancelReason = "Caregiver call-out: " + reason.toLowerCase(java.util.Locale.ROOT);
        callOut = new CallOut("CO" + index, caregivers[cg].id(), id, zone, start,
            start.minus(Duration.ofMinutes(30 + rnd.nextInt(600))), reason);
      } else if (plain && (cg < 0 || u < 0.05 + offerRate)) {
        status = VisitStatus.COMPLETED;
        OfferRound round = offerRound(index, id, zone, start, end, it.service, region, cg, true);
        offers = round.offers;
        cg = round.acceptedBy >= 0 ? round.acceptedBy : (cg >= 0 ? cg : substitute(region, rnd, -1));
      } else {
        status = VisitStatus.COMPLETED;
        if (plain && u > 0.96) {
          cg = substitute(region, rnd, cg);
        }
      }
    } else if (!future) {
      status = cg >= 0 ? VisitStatus.IN_PROGRESS : VisitStatus.OPEN;
    } else {
      boolean soon = start.isBefore(now.plus(Duration.ofDays(7)));
      if (cg < 0) {
        status = VisitStatus.OPEN;
        if (soon) {
          offers = openOffers(index, id, zone, start, end, it.service, region, 1 + rnd.nextInt(3));
        }
      } else if (plain && u < 0.005) {
        status = VisitStatus.ON_HOLD;
      } else if (plain && u < 0.01) {
        status = VisitStatus.CANCELLED;
        cancelReason = "Client cancelled: in hospital";
      } else if (plain && soon && u < 0.01 + openRate) {
        status = VisitStatus.OPEN;
        cg = -1;
      } else {
        status = VisitStatus.SCHEDULED;
      }
    }
    Visit visit = Visit.builder()
        .id(id).clientId(client.id()).caregiverId(cg >= 0 ? caregivers[cg].id() : null)
        .regionId(place.id()).zone(zone).start(start).end(end).status(status)
        .serviceCode(it.service).cancelReason(cancelReason).requiredSkills(it.skills)
        .postalCode(client.postalCode()).location(client.location())
        .build();
    return new Fate(visit, offers, callOut);
  }

  private int substitute(int region, SplittableRandom rnd, int not) {
    int[] pool = caregiversByRegion[region];
    for (int attempt = 0; attempt < 20; attempt++) {
      int c = pool[rnd.nextInt(pool.length)];
      if (c != not && !profileCaregiver[c] && caregivers[c].active()) {
        return c;
      }
    }
    return not;
  }

  private record OfferRound(List<ShiftOffer> offers, int acceptedBy) {}

  private OfferRound offerRound(long index, String visitId, ZoneId zone, Instant start, Instant end, String service,
      int region, int exclude, boolean stopAtAcceptance) {
    SplittableRandom rnd = Rng.of(seed, S_OFFER, index);
    int[] pool = caregiversByRegion[region];
    int wanted = 2 + rnd.nextInt(3);
    List<ShiftOffer> out = new ArrayList<>(wanted);
    Set<Integer> used = new HashSet<>();
    Instant offeredAt = start.minus(Duration.ofHours(2 + rnd.nextInt(70)));
    int acceptedBy = -1;
    ZonedDateTime local = start.atZone(zone);
    for (int attempt = 0; attempt < wanted * 4 && out.size() < wanted && acceptedBy < 0; attempt++) {
      int c = pool[rnd.nextInt(pool.length)];
      boolean eligible = c != exclude && caregivers[c].active() && used.add(c)
          && (!profileCaregiver[c] || c == profileIdx[6] || c == profileIdx[7] || c == profileIdx[8]);
      if (!eligible) {
        continue;
      }
      int k = out.size();
      OfferOutcome outcome;
      if (rnd.nextDouble() < acceptanceProbability(c, local)) {
        outcome = OfferOutcome.ACCEPTED;
        if (stopAtAcceptance) {
          acceptedBy = c;
        }
      } else {
        outcome = rnd.nextDouble() < 0.7 ? OfferOutcome.DECLINED : OfferOutcome.NO_RESPONSE;
      }
      out.add(offer(index, k, c, zone, start, end, service,
          offeredAt.plus(Duration.ofMinutes(20L * k)), outcome));
    }
    return new OfferRound(List.copyOf(out), acceptedBy);
  }

  /** Offers on a still-open shift: nobody has accepted (yet). */
  private List<ShiftOffer> openOffers(long index, String visitId, ZoneId zone, Instant start, Instant end,
      String service, int region, int count) {
    SplittableRandom rnd = Rng.of(seed, S_PREF, index);
    int[] pool = caregiversByRegion[region];
    List<ShiftOffer> out = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    Instant offeredAt = now.minus(Duration.ofHours(1 + rnd.nextInt(6)));
    if (offeredAt.isAfter(start)) {
      offeredAt = start.minus(Duration.ofHours(1));
    }
    for (int attempt = 0; attempt < count * 6 && out.size() < count; attempt++) {
      int c = pool[rnd.nextInt(pool.length)];
      if (profileCaregiver[c] || !caregivers[c].active() || !used.add(c)) {
        continue;
      }
      int k = out.size();
      out.add(offer(index, k, c, zone, start, end, service, offeredAt.plus(Duration.ofMinutes(10L * k)),
          k % 2 == 0 ? OfferOutcome.NO_RESPONSE : OfferOutcome.DECLINED));
    }
    return List.copyOf(out);
  }

  private ShiftOffer offer(long index, int k, int cg, ZoneId zone, Instant start, Instant end,
      String service, Instant offeredAt, OfferOutcome outcome) {
    return ShiftOffer.builder()
        .id("O" + index + "-" + k).visitId(visitId(index)).caregiverId(caregivers[cg].id()).zone(zone)
        .shiftStart(start).shiftEnd(end).serviceCode(service).offeredAt(offeredAt).outcome(outcome)
        .build();
  }
}
