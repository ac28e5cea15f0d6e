package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-snapshot {@link AggregateCounts#publish} gives, byte for byte, the snapshots it gave
 * before release-aware publishing existed: {@link #EXPECTED} was printed by this same procedure
 * run against commit b241e00 (the last one without {@link Release}). A release-aware change, or a
 * speed-up of the suppression search, must leave the plain snapshot alone; a deliberate change of
 * the suppression pattern updates these lines and says so in its commit.
 *
 * <p>Each line: a random agency (regions, clients, weeks, malformed postal codes vary with the
 * seed), a hash of its exact counts (if that differs, the synthetic agency changed, not the
 * publishing), then a hash of the snapshot JSON under the default policy, thresholds 5 and 20, and
 * threshold 11 with random rounding to 5.
 */
class OneSnapshotOutputTest {
  private static final String EXPECTED = """
      seed 1 4r 315c 2w counts=afc38a09782eaeea 5d67e7309bfcfc2d 87382b3adc7d6601 55a343c744d47e64 9ac211cf274dbd92
      seed 2 5r 120c 4w counts=80b3b5b8c930b25a 0bb814735297e222 9f777c7177c6629b affae0c216205b28 789be2e2a313627a
      seed 3 3r 666c 1w counts=609faab324599afc cdab0e011d2890f6 e0c5f5f81d7de9e4 20307911e337e81e 415c0d83cecd941d
      seed 4 3r 159c 8w counts=6979aca6a6f5582b ee7499cf12cb19b4 8c03a67d13c21722 c0cdbca65e4f40cf 8505bf4a24b21c6b
      seed 5 6r 1566c 4w counts=87138982fbe4c4a1 cf82db4d223ad4b9 9e03177e2a008ee7 ff6fd1f462ba61ba 8e8187f5529d63f7
      seed 6 2r 510c 7w counts=10fa0ec4d4ace556 e6623fd67e503a9b f0a9d92ce6761751 bfdf85be29bc3172 61dbdb8f9a04e0f4
      seed 7 5r 765c 3w counts=7afc9439bb906590 a7862ec54fde8c10 6f62571383685370 2faaa0149e1ff48f 8812ccb3be59f15b
      seed 8 5r 610c 2w counts=925686c193907824 8369a1398a4bf98f faaca3229b42175e 4a3cc3a9a5009a09 236e027a3878590c
      seed 9 2r 792c 7w counts=36c77c3ec4dcea4a c2904de5f9e8a069 4d29704672666436 3e5b1f461d1bf6d0 dca77cd247c66cef
      seed 10 4r 3361c 1w counts=fe1eb329fcb24879 f45c6bf583fb518e 1969c24bc6f328d8 6fcd930910b36171 00a479e8a608f6f5
      seed 11 1r 343c 6w counts=997e04b82eab313b 456367e726ae1bbc c5eefb51048a07d2 7f2604f6b2a1ba4f 7e4a8d3bdd3b2cea
      seed 12 1r 188c 4w counts=59ac92003a3479f6 652cf3cc2d242c7e 45a22e29316e856c af9d9a7f178177a1 30a2695de756fc74
      seed 13 5r 455c 1w counts=70629838720a744b 00f72a41204ab31e 9b9bfe3e4938f23c 8c6a314a6193aac9 ef03ed0109bb0962
      seed 14 6r 259c 3w counts=8cb43939138f156b bfe64b6b41033a2f cfa6cb62727d8235 8684aef60611556d 9e5aef58d92b61b1
      seed 15 4r 806c 8w counts=904d6e84f3d49907 961acf309029aafa 9696c466d8495142 8bf40b4a181bbc82 ac9e145204be70f5
      seed 16 4r 343c 5w counts=78a57ee4aeab919e 2bb19f64cfc6e54a 7b2bb6f40ec00d93 27fb16617c62e967 33c441a309f38602
      seed 17 1r 526c 1w counts=64166e91adae6b4a fac11d8cba7b2ba9 53fcd7e47fbc4933 6d66cde3a6f6614c 5a7d551d827611a5
      seed 18 3r 694c 3w counts=8fad6e5d6007afcb 227a7d0641911a03 0510956d8a44412b ff80ab3d0d30ca92 1cd613eea66c79e4
      seed 19 6r 148c 8w counts=39c36a98b8083213 d4b399f40e4f8033 fe4240b7032234de 6a65c5d92c69106d ad6cd28c82e9c47c
      seed 20 6r 1593c 7w counts=f619fbe33a78180f c2c3103ea7ca611c dbbb9112ccce18a5 42e1ac9923780f2f d7531c516f18713e
      seed 21 3r 176c 3w counts=2fd9affefbe9d402 5a13f4c9d0a73239 3673bd0e84f29309 9fb24be56856bac7 eecbcf9c3fba4a04
      seed 22 5r 792c 6w counts=86c99b0acb27cf01 1bdd29331f31b96a 61881a9df6e9c0c8 c0a201db497ec732 725b984e01359b9f
      seed 23 2r 527c 2w counts=d6cfe97c31721daf 33201bf0503e1209 0bcbd68db96c7708 c92293037d98bd8e 5c2b389ed9d455eb
      seed 24 2r 820c 1w counts=79dcf04582221491 a2f4e3f5bae9422e 6ca7678578f641b6 e74aad2cc92b02f4 23a46da58db2885c
      """;

  private static final List<PrivacyPolicy> POLICIES = List.of(PrivacyPolicy.ofDefaults(),
      PrivacyPolicy.builder().suppressionThreshold(5).build(),
      PrivacyPolicy.builder().suppressionThreshold(20).build(),
      PrivacyPolicy.builder().suppressionThreshold(11).randomRounding(5)
          .roundingKey(Secret.of("compare-rounding-key-0123456789")).build());

  private static final Instant AS_OF = Instant.parse("2026-12-06T00:00:00Z");

  @Test
  void plainSnapshotsAreByteIdenticalToThoseBeforeReleasesExisted() {
    List<String> expected = EXPECTED.lines().toList();
    for (int seed = 1; seed <= expected.size(); seed++) {
      Case c = Case.of(seed);
      StringBuilder line = new StringBuilder(c.label() + " counts=" + sha(c.counts().toJson()));
      for (PrivacyPolicy p : POLICIES) {
        line.append(' ').append(sha(c.counts().publish(p, AS_OF).toJson()));
      }
      assertThat(line.toString()).as("agency of seed %d (counts hash, then the snapshot under each policy)", seed)
          .isEqualTo(expected.get(seed - 1));
    }
  }

  @Test
  void theFirstReleaseCarriesThatSameSnapshot() {
    for (int seed : new int[] {2, 19}) {
      AggregateCounts counts = Case.of(seed).counts();
      for (PrivacyPolicy p : POLICIES) {
        assertThat(counts.release(p, AS_OF).snapshot().toJson()).isEqualTo(counts.publish(p, AS_OF).toJson());
      }
    }
  }

  /** A random agency's exact counts, and how it was drawn. */
  private record Case(String label, AggregateCounts counts) {
    static Case of(int seed) {
      Random rnd = new Random(seed);
      int regions = 1 + rnd.nextInt(6);
      int us = rnd.nextInt(Math.min(regions, 3) + 1);
      int clients = 20 + rnd.nextInt(seed % 5 == 0 ? 4000 : 800);
      int caregivers = 12 * regions + rnd.nextInt(clients / 3 + 1); // behaviour profiles need 12 per region
      clients += 12 * regions;
      int history = 1 + rnd.nextInt(8);
      int ahead = rnd.nextInt(3);
      double malformed = rnd.nextInt(3) * 0.02;
      SyntheticAgency agency = SyntheticAgency.builder().seed(seed * 7919L).regions(regions).usRegions(us)
          .clients(clients).caregivers(caregivers).weeksOfHistory(history).weeksAhead(ahead)
          .malformedPostalCodes(malformed).build();
      Aggregator a = Aggregator.builder().clock(agency.clock()).build();
      a.addAll(agency.clients());
      a.addAll(agency.caregivers());
      a.addAll(agency.visits());
      return new Case("seed " + seed + " " + agency.regions().size() + "r " + clients + "c " + history + "w",
          a.counts());
    }
  }

  private static String sha(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
