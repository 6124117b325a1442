package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerTest {
    private final List<double[]> rows = List.of(
            new double[] {1, 5}, new double[] {2, 5}, new double[] {3, 5}, new double[] {4, 5}, new double[] {100, 5});

    @Test
    void zScoreUsesMeanAndPopulationStandardDeviation() {
        ScalerParams p = Scaler.fit(ScalerKind.ZSCORE, rows, 2);
        assertEquals(22.0, p.getCenter().get(0), 1e-12);
        assertEquals(
                Math.sqrt((21 * 21 + 20 * 20 + 19 * 19 + 18 * 18 + 78 * 78) / 5.0),
                p.getScale().get(0),
                1e-9);
    }

    @Test
    void robustUsesMedianAndInterquartileRangeSoOutliersBarelyMatter() {
        ScalerParams p = Scaler.fit(ScalerKind.ROBUST, rows, 2);
        assertEquals(3.0, p.getCenter().get(0), 1e-12);
        assertEquals(2.0, p.getScale().get(0), 1e-12);
    }

    @Test
    void constantFeatureGetsScaleOneNeverZero() {
        for (ScalerKind kind : ScalerKind.values()) {
            assertEquals(1.0, Scaler.fit(kind, rows, 2).getScale().get(1), 1e-12, kind.name());
        }
    }
}
