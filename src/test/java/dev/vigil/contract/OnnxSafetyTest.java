package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.UnsafeOnnxException.Hazard;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The ONNX checks every model passes before a runtime sees it, on models built in code. */
class OnnxSafetyTest {
    private static final OnnxSafety.Limits DEFAULT = OnnxSafety.Limits.DEFAULT;

    private static byte[] onnx(ModelBundle bundle) {
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        return bytes;
    }

    private static byte[] gainModel() {
        return onnx(TestBundles.gain("g", 1, 0.5f));
    }

    private static byte[] edited(UnaryOperator<OnnxMl.ModelProto.Builder> edit) throws Exception {
        return edit.apply(OnnxMl.ModelProto.parseFrom(gainModel()).toBuilder())
                .build()
                .toByteArray();
    }

    private static UnsafeOnnxException refusal(byte[] onnx, OnnxSafety.Limits limits) {
        return assertThrows(UnsafeOnnxException.class, () -> OnnxSafety.check(onnx, limits));
    }

    private static OnnxMl.TensorProto externalTensor(String name, String location) {
        return OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .addDims(2)
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey("location")
                        .setValue(location))
                .build();
    }

    /** An If node whose then-branch holds a Constant node with {@code constant} as its value. */
    private static OnnxMl.NodeProto ifWithConstant(OnnxMl.TensorProto constant) {
        OnnxMl.GraphProto branch = OnnxMl.GraphProto.newBuilder()
                .setName("branch")
                .addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("Constant")
                        .addOutput("branch_out")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder()
                                .setName("value")
                                .setType(OnnxMl.AttributeProto.AttributeType.TENSOR)
                                .setT(constant)))
                .build();
        return OnnxMl.NodeProto.newBuilder()
                .setOpType("If")
                .addInput("cond")
                .addOutput("if_out")
                .addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("then_branch")
                        .setType(OnnxMl.AttributeProto.AttributeType.GRAPH)
                        .setG(branch))
                .build();
    }

    @Test
    void aModelTheTrainerExportsPassesTheDefaultLimits() throws Exception {
        OnnxMl.ModelProto model = OnnxSafety.check(onnx(TestBundles.trained(1)), DEFAULT);
        assertTrue(model.getGraph().getNodeCount() > 0);
    }

    @Test
    void anInitializerWithExternalDataIsRefusedNamingItsLocation() throws Exception {
        byte[] onnx = edited(m -> {
            m.getGraphBuilder().addInitializer(externalTensor("stolen", "../../etc/passwd"));
            return m;
        });
        UnsafeOnnxException refused = refusal(onnx, DEFAULT);
        assertEquals(Hazard.EXTERNAL_DATA, refused.hazard());
        assertTrue(refused.getMessage().contains("'../../etc/passwd'"), refused.getMessage());
    }

    @Test
    void aDataLocationOfExternalWithoutEntriesIsRefused() throws Exception {
        OnnxMl.TensorProto tensor =
                externalTensor("w", "x").toBuilder().clearExternalData().build();
        byte[] onnx = edited(m -> {
            m.getGraphBuilder().addInitializer(tensor);
            return m;
        });
        assertEquals(Hazard.EXTERNAL_DATA, refusal(onnx, DEFAULT).hazard());
    }

    @Test
    void externalDataInAConstantInsideASubgraphIsRefused() throws Exception {
        byte[] onnx = edited(m -> {
            m.getGraphBuilder().addNode(ifWithConstant(externalTensor("c", "/etc/shadow")));
            return m;
        });
        assertEquals(Hazard.EXTERNAL_DATA, refusal(onnx, DEFAULT).hazard());
    }

    @Test
    void externalDataInASparseInitializerIsRefused() throws Exception {
        OnnxMl.SparseTensorProto sparse = OnnxMl.SparseTensorProto.newBuilder()
                .setValues(externalTensor("values", "/proc/self/environ"))
                .setIndices(OnnxMl.TensorProto.newBuilder()
                        .setName("indices")
                        .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                        .addInt64Data(0))
                .addDims(4)
                .build();
        byte[] onnx = edited(m -> {
            m.getGraphBuilder().addSparseInitializer(sparse);
            return m;
        });
        assertEquals(Hazard.EXTERNAL_DATA, refusal(onnx, DEFAULT).hazard());
    }

    @Test
    void aNodeOfACustomDomainIsRefusedAndTheStandardDomainsPass() throws Exception {
        for (String domain : new String[] {"com.microsoft", "com.example.custom"}) {
            byte[] onnx = edited(m -> {
                m.getGraphBuilder().getNodeBuilder(0).setDomain(domain);
                return m;
            });
            UnsafeOnnxException refused = refusal(onnx, DEFAULT);
            assertEquals(Hazard.CUSTOM_DOMAIN, refused.hazard());
            assertTrue(refused.getMessage().contains("'" + domain + "'"), refused.getMessage());
        }
        for (String domain : OnnxSafety.STANDARD_DOMAINS) {
            byte[] onnx = edited(m -> {
                m.getGraphBuilder().getNodeBuilder(0).setDomain(domain);
                return m;
            });
            OnnxSafety.check(onnx, DEFAULT);
        }
    }

    @Test
    void aCustomDomainNodeInsideALocalFunctionIsRefused() throws Exception {
        byte[] onnx = edited(m -> m.addFunctions(OnnxMl.FunctionProto.newBuilder()
                .setName("f")
                .setDomain("local")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Evil").setDomain("com.example.custom"))));
        assertEquals(Hazard.CUSTOM_DOMAIN, refusal(onnx, DEFAULT).hazard());
    }

    @Test
    void aModelOverEachLimitIsRefusedAndOneAtTheLimitPasses() throws Exception {
        byte[] onnx = gainModel();
        OnnxMl.ModelProto model = OnnxSafety.check(onnx, DEFAULT);
        int nodes = model.getGraph().getNodeCount();
        long initializerBytes = model.getGraph().getInitializerList().stream()
                .mapToLong(t -> t.getRawData().size() + 4L * t.getFloatDataCount())
                .sum();
        OnnxSafety.check(onnx, new OnnxSafety.Limits(onnx.length, nodes, initializerBytes));
        for (OnnxSafety.Limits tight : new OnnxSafety.Limits[] {
            new OnnxSafety.Limits(onnx.length - 1, nodes, initializerBytes),
            new OnnxSafety.Limits(onnx.length, nodes - 1, initializerBytes),
            new OnnxSafety.Limits(onnx.length, nodes, initializerBytes - 1)
        }) {
            assertEquals(Hazard.TOO_LARGE, refusal(onnx, tight).hazard(), tight.toString());
        }
    }

    @Test
    void nodesOfSubgraphsAndFunctionsCountTowardsTheNodeLimit() throws Exception {
        OnnxMl.TensorProto constant = OnnxMl.TensorProto.newBuilder()
                .setName("c")
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(1f)
                .build();
        byte[] onnx = edited(m -> {
            m.getGraphBuilder().addNode(ifWithConstant(constant));
            return m;
        });
        int topLevel = OnnxMl.ModelProto.parseFrom(onnx).getGraph().getNodeCount();
        OnnxSafety.Limits onlyTopLevel = new OnnxSafety.Limits(DEFAULT.maxOnnxBytes(), topLevel, 1 << 20);
        assertEquals(Hazard.TOO_LARGE, refusal(onnx, onlyTopLevel).hazard());
    }

    @Test
    void packedZerosCountAtTheirDecodedSize() {
        byte[] onnx = onnx(TestBundles.withZerosInitializer(TestBundles.gain("g", 1, 0.5f), 3_000_000));
        assertTrue(onnx.length < DEFAULT.maxOnnxBytes(), "the serialized model is " + onnx.length + " bytes");
        UnsafeOnnxException refused = refusal(onnx, DEFAULT);
        assertEquals(Hazard.TOO_LARGE, refused.hazard());
        assertTrue(refused.getMessage().contains("24000"), refused.getMessage());
    }

    @Test
    void truncatedRandomAndEmptyBytesAreMalformed() {
        byte[] good = gainModel();
        byte[] random = new byte[good.length];
        new Random(7).nextBytes(random);
        for (byte[] onnx : new byte[][] {Arrays.copyOf(good, good.length / 2), random, new byte[0]}) {
            assertEquals(Hazard.MALFORMED, refusal(onnx, DEFAULT).hazard());
        }
    }

    @Test
    void theBufferIsCheckedFromItsPositionWithoutBeingConsumed() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(gainModel());
        OnnxSafety.check(buffer, DEFAULT);
        assertEquals(0, buffer.position());
    }

    @Test
    void limitsBelowOneAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new OnnxSafety.Limits(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new OnnxSafety.Limits(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OnnxSafety.Limits(1, 1, -1));
    }
}
