package io.morphospark.models.classifier;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Locale;

/**
 * The pattern classifiers, as DL4J networks over NCHW input (channels = the last k frames):
 * <ul>
 *   <li>{@code seed-cnn}: the seed's network exactly (REFERENCE §4): conv 32/64/128, 3×3, ReLU,
 *       max-pool 2 (valid padding, as Keras' default), FC 256 → FC 128 with dropout 0.5 after each,
 *       softmax, on a fixed 50×50 input. Frames of another side are <b>resized</b> (bilinear) to
 *       50×50, not cropped: a crop of a 64×64 frame would drop a fifth of the pattern.</li>
 *   <li>{@code fcn} (the default): fully convolutional, conv 3×3 (same padding) + batch norm + ReLU
 *       in four stages of 16/32/64/128 filters with max-pool 2 between, global average pooling,
 *       softmax. Nothing depends on the grid side, so a model trained at 64×64 classifies 48×48 or
 *       96×96 frames as they are.</li>
 * </ul>
 * Both: Adam, cross-entropy, float32, weights seeded.
 */
public enum ClassifierNetworks {
    SEED_CNN("seed-cnn", 50),
    FCN("fcn", 0);

    private final String cliName;
    /** The input side the network requires (frames are resized to it); 0: any side. */
    private final int fixedSide;

    ClassifierNetworks(String cliName, int fixedSide) {
        this.cliName = cliName;
        this.fixedSide = fixedSide;
    }

    public String cliName() {
        return cliName;
    }

    public int fixedSide() {
        return fixedSide;
    }

    public static ClassifierNetworks of(String name) {
        for (ClassifierNetworks n : values()) {
            if (n.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (expected seed-cnn or fcn)");
    }

    /** A new, initialised network for {@code channels} input frames of {@code side}×{@code side} and {@code classes} labels. */
    public MultiLayerNetwork build(int channels, int side, int classes, double learningRate, long seed) {
        MultiLayerConfiguration conf = switch (this) {
            case SEED_CNN -> seedCnn(channels, classes, learningRate, seed);
            case FCN -> fullyConvolutional(channels, side, classes, learningRate, seed);
        };
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.ListBuilder base(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU).list();
    }

    private static MultiLayerConfiguration seedCnn(int channels, int classes, double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder b = base(learningRate, seed);
        for (int filters : new int[] {32, 64, 128}) {
            b.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters).convolutionMode(ConvolutionMode.Truncate)
                    .activation(Activation.RELU).build());
            b.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        // DL4J's dropOut(p) keeps inputs with probability p and applies to the layer's input: 0.5 after FC 256 and FC 128
        b.layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build());
        b.layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).dropOut(0.5).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                .dropOut(0.5).build());
        return b.setInputType(InputType.convolutional(SEED_CNN.fixedSide, SEED_CNN.fixedSide, channels)).build();
    }

    private static MultiLayerConfiguration fullyConvolutional(int channels, int side, int classes, double learningRate,
                                                              long seed) {
        NeuralNetConfiguration.ListBuilder b = base(learningRate, seed);
        // One conv + batch norm + ReLU per stage, the width doubling as the resolution halves. Two convs
        // per stage at 32/64/128 cost 10× the multiply-adds (152 M per 64² sample) for no accuracy these
        // texture classes need, and made an epoch of the seed dataset take minutes per core.
        int[] filters = {16, 32, 64, 128};
        for (int stage = 0; stage < filters.length; stage++) {
            b.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters[stage]).convolutionMode(ConvolutionMode.Same)
                    .activation(Activation.IDENTITY).hasBias(false).build());
            b.layer(new BatchNormalization.Builder().build());
            b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            if (stage < filters.length - 1) {
                b.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build());
            }
        }
        b.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                .build());
        return b.setInputType(InputType.convolutional(side, side, channels)).build();
    }
}
