package org.claimdesk.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MeaningCodesTest {

    private static float[] unit(Random random) {
        float[] v = new float[Embedder.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embedder.normalised(v);
    }

    private static MeaningCodes.Block block(long[] ids, float[][] vectors) {
        long[] codes = new long[ids.length * MeaningCodes.LONGS];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(MeaningCodes.code(Embedder.quantize(vectors[i])), 0, codes, i * MeaningCodes.LONGS,
                    MeaningCodes.LONGS);
        }
        return new MeaningCodes.Block(ids, codes, ids.length);
    }

    @Test
    void aStoredVectorAndTheSameQueryHaveTheSameSignBits() {
        float[] v = unit(new Random(1));
        assertArrayEquals(MeaningCodes.code(v), MeaningCodes.code(Embedder.quantize(v)));
        assertEquals(Embedder.DIMENSIONS / 64, MeaningCodes.code(v).length);
    }

    @Test
    void theShortlistHoldsTheNearestCodesAcrossBlocksAndNoMoreThanAsked() {
        Random random = new Random(7);
        float[] query = unit(random);
        float[][] far = new float[200][];
        for (int i = 0; i < far.length; i++) {
            far[i] = unit(random);
        }
        // three near the query: the query with a little noise, in two different lists
        float[][] near = new float[3][];
        for (int i = 0; i < near.length; i++) {
            float[] v = query.clone();
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (0.05 * random.nextGaussian());
            }
            near[i] = Embedder.normalised(v);
        }
        long[] farIds = new long[far.length];
        for (int i = 0; i < farIds.length; i++) {
            farIds[i] = 1000 + i;
        }
        MeaningCodes.Block[] blocks = { block(farIds, far), null,
                block(new long[] { 1, 2 }, new float[][] { near[0], near[1] }),
                block(new long[] { 3 }, new float[][] { near[2] }) };
        long[] shortlist = MeaningCodes.nearest(blocks, MeaningCodes.code(query), 3);
        Arrays.sort(shortlist);
        assertArrayEquals(new long[] { 1, 2, 3 }, shortlist);
        assertEquals(50, MeaningCodes.nearest(blocks, MeaningCodes.code(query), 50).length);
        assertEquals(203, MeaningCodes.nearest(blocks, MeaningCodes.code(query), 400).length, "all when fewer");
    }

    @Test
    void aBlockGrowsAsVectorsAreAddedAndKeepsWhatWasThere() {
        MeaningCodes.Index index = new MeaningCodes.Index(0, 2);
        long[] code = MeaningCodes.code(unit(new Random(3)));
        for (long id = 1; id <= 40; id++) {
            index.add(1, id, code);
        }
        index.add(5, 99, code); // a list the index does not have: ignored until the next load
        MeaningCodes.Block b = index.lists.get(1);
        assertEquals(40, b.size());
        assertEquals(40, index.size);
        assertEquals(1, b.ids()[0]);
        assertEquals(40, b.ids()[39]);
        assertEquals(0, index.lists.get(0).size());
    }

    @Test
    void aSavedIndexReadsBackAsItWas() throws Exception {
        MeaningCodes.Index index = new MeaningCodes.Index(42, 3);
        Random random = new Random(5);
        for (long id = 1; id <= 100; id++) {
            index.add((int) (id % 3), id, MeaningCodes.code(unit(random)));
            index.seen(id);
        }
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("codes").resolve(MeaningCodes.SNAPSHOT);
        MeaningCodes.save(index, file);
        MeaningCodes.Index back = MeaningCodes.restore(file, 42, 100);
        assertEquals(100, back.size);
        assertEquals(100, back.mark);
        assertEquals(index.recent, back.recent);
        for (int list = 0; list < 3; list++) {
            MeaningCodes.Block a = index.lists.get(list);
            MeaningCodes.Block b = back.lists.get(list);
            assertEquals(a.size(), b.size());
            assertArrayEquals(Arrays.copyOf(a.ids(), a.size()), Arrays.copyOf(b.ids(), b.size()));
            assertArrayEquals(Arrays.copyOf(a.codes(), a.size() * MeaningCodes.LONGS),
                    Arrays.copyOf(b.codes(), b.size() * MeaningCodes.LONGS));
        }
        back.add(0, 101, MeaningCodes.code(unit(random)));
        assertEquals(101, back.lists.get(0).ids()[back.lists.get(0).size() - 1], "a read block still grows");
        org.junit.jupiter.api.Assertions.assertNull(MeaningCodes.restore(file, 43, 100), "other centroids");
        org.junit.jupiter.api.Assertions.assertNull(MeaningCodes.restore(file, 42, 99), "a database behind the file");
    }
}
